/// Splits an expression into tokens. Never fails: a character no expression allows becomes an
/// `.unexpected` token, which the parser reports as DynamoDB's syntax error at that position.
struct ExpressionLexer {
    let source: String

    func tokens() -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            if character.isWhitespace {
                index = source.index(after: index)
                continue
            }
            let start = index
            let kind: ExpressionToken.Kind
            switch character {
            case "#", ":":
                index = endOfWord(from: source.index(after: index))
                let word = String(source[start..<index])
                if word.count == 1 {
                    kind = .unexpected(character)
                } else {
                    kind = character == "#" ? .nameReference(word) : .valueReference(word)
                }
            case _ where Self.isWordStart(character):
                index = endOfWord(from: index)
                kind = .word(String(source[start..<index]))
            case _ where character.isASCII && character.isNumber:
                while index < source.endIndex, source[index].isASCII, source[index].isNumber {
                    index = source.index(after: index)
                }
                kind = .number(String(source[start..<index]))
            default:
                index = source.index(after: index)
                let next = index < source.endIndex ? source[index] : nil
                switch (character, next) {
                case ("<", ">"): index = source.index(after: index); kind = .notEqual
                case ("<", "="): index = source.index(after: index); kind = .lessOrEqual
                case (">", "="): index = source.index(after: index); kind = .greaterOrEqual
                case ("<", _): kind = .less
                case (">", _): kind = .greater
                case ("=", _): kind = .equal
                case ("(", _): kind = .leftParenthesis
                case (")", _): kind = .rightParenthesis
                case ("[", _): kind = .leftBracket
                case ("]", _): kind = .rightBracket
                case (",", _): kind = .comma
                case (".", _): kind = .dot
                case ("+", _): kind = .plus
                case ("-", _): kind = .minus
                default: kind = .unexpected(character)
                }
            }
            tokens.append(ExpressionToken(kind: kind, range: start..<index, text: String(source[start..<index])))
        }
        tokens.append(ExpressionToken(kind: .end, range: source.endIndex..<source.endIndex, text: ""))
        return tokens
    }

    private func endOfWord(from start: String.Index) -> String.Index {
        var index = start
        while index < source.endIndex, Self.isWordPart(source[index]) {
            index = source.index(after: index)
        }
        return index
    }

    static func isWordStart(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character == "_")
    }

    static func isWordPart(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
}
