/// One item of a table, ready to display.
public struct TableRow: Sendable, Hashable {
    /// Attribute name → display string (numbers and dates already formatted).
    public var values: [String: String]
    /// The item in DynamoDB JSON, shown in its details.
    public var dynamoJSON: String

    /// Creates a row of the Table pane.
    public init(values: [String: String], dynamoJSON: String) {
        self.values = values
        self.dynamoJSON = dynamoJSON
    }
}
