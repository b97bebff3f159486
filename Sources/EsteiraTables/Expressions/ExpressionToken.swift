/// One lexical token of a DynamoDB expression, with where it sits in the source text.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare word: an attribute name, a function name or a keyword (`AND`, `SET`, …).
        case word(String)
        /// `#name`, an ExpressionAttributeNames placeholder.
        case nameReference(String)
        /// `:value`, an ExpressionAttributeValues placeholder.
        case valueReference(String)
        /// A run of digits (list indexes).
        case number(String)
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket, comma, dot
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual, plus, minus
        /// A character no expression may contain.
        case unexpected(Character)
        case end
    }

    let kind: Kind
    /// The token's characters in the source (empty at the end of input).
    let range: Range<String.Index>
    let text: String

    /// Whether the token is the keyword `keyword` (keywords are case-insensitive).
    func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = kind { return word.uppercased() == keyword }
        return false
    }

    /// How DynamoDB shows the token in a syntax error: its text, or `<EOF>` at the end.
    var displayText: String { kind == .end ? "<EOF>" : text }
}
