/// One field of an invoice schema: its canonical name, type, whether it is required, and the other
/// names a column or JSON key may use for it.
///
/// In the pipeline file: `{"name": "valor", "type": "amount", "required": true, "aliases": ["total"]}`;
/// `type` defaults to `text`, `required` to `false`, `aliases` to none.
public struct InvoiceFieldSpec: Sendable, Hashable, Codable {
    /// The canonical name (`numero`, `nome`, …), also the name of the stored attribute.
    public var name: String
    /// How the value is read.
    public var type: InvoiceFieldType
    /// Whether a row without this field is rejected.
    public var required: Bool
    /// Other names for the field; matched like the name, ignoring case, accents, spaces and underscores.
    public var aliases: [String]

    /// A field specification.
    public init(name: String, type: InvoiceFieldType = .text, required: Bool = false, aliases: [String] = []) {
        self.name = name
        self.type = type
        self.required = required
        self.aliases = aliases
    }

    private enum CodingKeys: String, CodingKey { case name, type, required, aliases }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            type: try container.decodeIfPresent(InvoiceFieldType.self, forKey: .type) ?? .text,
            required: try container.decodeIfPresent(Bool.self, forKey: .required) ?? false,
            aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [])
    }
}
