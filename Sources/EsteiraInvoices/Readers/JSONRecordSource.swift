/// Reads invoice records from JSON: an array of objects (or one object), element by element, or
/// JSON Lines, line by line. A syntax error in an array stops the reading (the elements before it
/// stand); in JSON Lines it rejects only its line.
final class JSONRecordSource: RecordSource {
    enum Layout { case document, lines }

    private enum State { case start, beforeFirstElement, afterElement, singleObjectRead, done }

    private let key: String
    private let layout: Layout
    private let parser: JSONObjectParser
    private let resolver: FieldResolver
    private var indexCache: [String: Int?] = [:]
    private var state = State.start
    private var elementIndex = 0
    private let hasByteOrderMark: Bool
    private var recordsSeen = 0

    var encoding: TextEncoding { parser.encoding }

    init(key: String, layout: Layout, firstChunk: [UInt8], offset: Int, hasByteOrderMark: Bool,
         source: ByteChunkSource, resolver: FieldResolver, limits: ReaderLimits) {
        self.key = key
        self.layout = layout
        self.resolver = resolver
        self.hasByteOrderMark = hasByteOrderMark
        parser = JSONObjectParser(
            stream: JSONByteStream(firstChunk: firstChunk, offset: offset, source: source),
            decoder: FieldTextDecoder(sample: firstChunk[offset...], hasByteOrderMark: hasByteOrderMark, allowsWindows1252: false),
            limits: limits, lineFeedEndsRecord: layout == .lines)
    }

    func next() throws(FileRejection) -> SourceItem? {
        do throws(JSONReadError) {
            switch layout {
            case .document: return try nextFromDocument()
            case .lines: return try nextLine()
            }
        } catch {
            state = .done
            switch error {
            case .syntax(let problem, let line, let column): throw .invalidJSON(key, problem, line: line, column: column)
            case .unreadable(let underlying): throw .unreadable(key, underlying)
            case .rejection(let rejection): throw rejection
            }
        }
    }

    private func nextFromDocument() throws(JSONReadError) -> SourceItem? {
        let stream = parser.stream
        switch state {
        case .done:
            return nil
        case .start:
            try parser.skipWhitespace()
            switch try stream.peek() {
            case nil:
                state = .done
                throw emptyFileError()
            case UInt8(ascii: "[")?:
                stream.advance()
                state = .beforeFirstElement
                try parser.skipWhitespace()
                if try stream.peek() == UInt8(ascii: "]") {
                    let line = stream.line
                    stream.advance()
                    try expectEnd()
                    throw .rejection(.noRecords(key, line: line))
                }
            case UInt8(ascii: "{")?:
                state = .singleObjectRead
                return try readRecord(position: .element(index: 0, line: stream.line))
            default:
                throw parser.syntaxError(try parser.describeExpected("'[' (an array of invoices) or '{' (one invoice)"))
            }
        case .beforeFirstElement:
            break
        case .afterElement:
            try parser.skipWhitespace()
            switch try stream.peek() {
            case UInt8(ascii: ",")?:
                stream.advance()
            case UInt8(ascii: "]")?:
                stream.advance()
                state = .done
                try expectEnd()
                return nil
            case nil:
                throw parser.syntaxError("the file ends before the array is closed with ']'")
            default:
                throw parser.syntaxError(try parser.describeExpected("',' or ']' after an element"))
            }
        case .singleObjectRead:
            state = .done
            try expectEnd()
            return nil
        }
        try parser.skipWhitespace()
        let position = RecordPosition.element(index: elementIndex, line: stream.line)
        elementIndex += 1
        let item = try readRecord(position: position)
        state = .afterElement
        return item
    }

    private func nextLine() throws(JSONReadError) -> SourceItem? {
        let stream = parser.stream
        guard state != .done else { return nil }
        while true {
            try parser.skipWhitespace()
            guard let byte = try stream.peek() else {
                state = .done
                if recordsSeen == 0 { throw emptyFileError() }
                return nil
            }
            if byte == 0x0A { stream.advance(); continue }
            break
        }
        let line = stream.line
        recordsSeen += 1
        do throws(JSONReadError) {
            let item = try readRecord(position: .line(line))
            try parser.skipWhitespace()
            if let byte = try stream.peek(), byte != 0x0A {
                throw parser.syntaxError(try parser.describeExpected("the end of the line after the object"))
            }
            return item
        } catch {
            guard case .syntax(let problem, _, let column) = error else { throw error }
            try skipRestOfLine()
            return .rejected(RowRejection(position: .line(line), field: nil, reason: .invalidJSON,
                                          message: "line \(line): not valid JSON at column \(column): \(problem)", rawValue: nil))
        }
    }

    private func readRecord(position: RecordPosition) throws(JSONReadError) -> SourceItem {
        guard try parser.stream.peek() == UInt8(ascii: "{") else {
            let (kind, withinDepth) = try parser.readNonObject()
            return .rejected(RowRejection(
                position: position, field: nil, reason: withinDepth ? .notAnObject : .nestingTooDeep,
                message: withinDepth ? "\(position): is \(kind), not an invoice object"
                    : "\(position): is nested deeper than \(parser.limits.maxNestingDepth) levels",
                rawValue: nil))
        }
        let start = parser.stream.consumed
        let object = try parser.readRecordObject()
        if parser.stream.consumed - start > parser.limits.maxRecordBytes {
            return .rejected(RowRejection(
                position: position, field: nil, reason: .recordTooLarge,
                message: "\(position): the record is larger than \(parser.limits.maxRecordBytes) bytes and was skipped", rawValue: nil))
        }
        if let problem = object.problem {
            return .rejected(RowRejection(position: position, field: problem.field, reason: problem.reason,
                                          message: "\(position): \(problem.detail)", rawValue: nil))
        }
        let raw = RawInvoiceRecord(position: position, fields: object.fields)
        switch resolver.resolve(raw, index: cachedIndex) {
        case .success(let record): return .record(record)
        case .failure(let rejection): return .rejected(rejection)
        }
    }

    private func cachedIndex(_ name: String) -> Int? {
        if let cached = indexCache[name] { return cached }
        if indexCache.count >= 4_096 { return resolver.index(of: name) }
        let index = resolver.index(of: name)
        indexCache[name] = index
        return index
    }

    private func expectEnd() throws(JSONReadError) {
        try parser.skipWhitespace()
        if try parser.stream.peek() != nil {
            throw parser.syntaxError(try parser.describeExpected("nothing more after the end of the JSON value"))
        }
    }

    private func skipRestOfLine() throws(JSONReadError) {
        while let byte = try parser.stream.peek() {
            parser.stream.advance()
            if byte == 0x0A { return }
        }
    }

    private func emptyFileError() -> JSONReadError {
        .rejection(hasByteOrderMark ? .byteOrderMarkOnly(key) : .emptyFile(key))
    }
}
