import EsteiraTables
import Foundation

/// Parsing of the JSON and key-schema arguments the table commands share.
enum CommandArguments {
    /// A DynamoDB-JSON item, key or value map given on the command line; `option` names it in errors.
    static func item(_ json: String, option: String) throws -> Item {
        do {
            return try AttributeValue.decodeItem(dynamoJSON: Data(json.utf8))
        } catch {
            throw ArgumentFailure(description: "\(option): \(error)")
        }
    }

    /// `--names '{"#n": "nome"}'`.
    static func names(_ json: String?) throws -> [String: String] {
        guard let json else { return [:] }
        guard let names = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8)) else {
            throw ArgumentFailure(description: ##"--names: expected a JSON object of strings, such as {"#n": "nome"}"##)
        }
        return names
    }

    /// `--values '{":v": {"S": "x"}}'`.
    static func values(_ json: String?) throws -> [String: AttributeValue] {
        guard let json else { return [:] }
        return try item(json, option: "--values")
    }

    /// `numero:S` → a key attribute named `numero` of type S.
    static func keyAttribute(_ text: String, option: String) throws -> KeyAttribute {
        guard let colon = text.lastIndex(of: ":"), let type = ScalarType(rawValue: String(text[text.index(after: colon)...])),
              colon != text.startIndex else {
            throw ArgumentFailure(description: "\(option) \(text): expected NAME:TYPE with TYPE S, N or B, such as numero:S")
        }
        return KeyAttribute(name: String(text[..<colon]), type: type)
    }

    /// `byNome=nome:S,data:S` → an index named `byNome` on `nome`, sorted by `data`.
    static func index(_ text: String) throws -> GlobalSecondaryIndex {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ArgumentFailure(description: "--index \(text): expected NAME=PK:TYPE[,SK:TYPE], such as byNome=nome:S,data:S")
        }
        let keys = text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
        guard keys.count == 1 || keys.count == 2 else {
            throw ArgumentFailure(description: "--index \(text): expected one or two key attributes")
        }
        return GlobalSecondaryIndex(name: String(text[..<equals]),
                                    partitionKey: try keyAttribute(String(keys[0]), option: "--index"),
                                    sortKey: keys.count == 2 ? try keyAttribute(String(keys[1]), option: "--index") : nil)
    }
}
