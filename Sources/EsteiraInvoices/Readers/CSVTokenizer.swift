/// Splits CSV bytes into records (RFC 4180: quoted delimiters, doubled quotes, line breaks inside
/// quotes; CRLF, LF or CR line ends), one record at a time, in bounded memory.
///
/// Works on bytes, not characters: the delimiter, the quote and line ends are ASCII, so they can
/// never be part of a multi-byte UTF-8 or Windows-1252 character. A record larger than
/// `maxRecordBytes` is still followed to its end (so the next one starts in the right place) but its
/// bytes are not kept; fields beyond `maxFields` are counted, not kept. Blank lines are skipped.
/// Lenient like Excel and Python: a quote inside an unquoted field, or text after a closing quote,
/// is kept as text.
/// Hot properties skip the per-access exclusivity checks: one reader uses a tokenizer on one thread.
final class CSVTokenizer {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private let source: ByteChunkSource
    @exclusivity(unchecked) private var chunk: [UInt8]
    @exclusivity(unchecked) private var position: Int
    private let maxRecordBytes: Int
    private let maxFields: Int
    /// The field separator, `,` or `;`.
    let delimiter: UInt8

    private var state = State.fieldStart
    private var skipLineFeed = false
    private var atEnd = false
    /// The current physical line (1-based).
    private var line = 1

    /// The line the last record started on.
    private(set) var recordLine = 0
    /// The bytes of the stored fields of the last record, back to back.
    @exclusivity(unchecked) private(set) var recordBytes: [UInt8] = []
    /// The end offset in `recordBytes` of each stored field.
    @exclusivity(unchecked) private(set) var fieldEnds: [Int] = []
    /// How many fields the last record had (may exceed the stored ones).
    @exclusivity(unchecked) private(set) var fieldCount = 0
    /// Whether the last record was larger than `maxRecordBytes` (its bytes were not kept).
    @exclusivity(unchecked) private(set) var isTooLarge = false
    /// Whether any field of the last record was quoted.
    private(set) var hadQuotes = false
    /// For a last record cut off by the end of the file inside quotes: the line where that quote opened.
    private(set) var unclosedQuoteLine: Int?
    private var quoteLine = 0

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// A tokenizer that starts at `offset` of `firstChunk` and continues with `source`.
    init(firstChunk: [UInt8], offset: Int, source: ByteChunkSource, delimiter: UInt8, maxRecordBytes: Int, maxFields: Int) {
        chunk = firstChunk
        position = offset
        self.source = source
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        self.maxFields = maxFields
    }

    /// The delimiter the header uses: `;` if its first line (outside quotes) has more semicolons
    /// than commas, otherwise `,`; or the one named by Excel's `sep=;` hint line, if the file starts
    /// with one (`hasSeparatorLine`: that line comes before the header).
    static func detectDelimiter(in bytes: ArraySlice<UInt8>) -> (delimiter: UInt8, hasSeparatorLine: Bool) {
        let text = bytes.drop { $0 == lineFeed || $0 == carriageReturn }
        if text.starts(with: Array("sep=".utf8)), text.count >= 5 {
            let named = text[text.startIndex + 4]
            let after = text.dropFirst(5).first
            if named == UInt8(ascii: ",") || named == UInt8(ascii: ";"), after == nil || after == lineFeed || after == carriageReturn {
                return (named, true)
            }
        }
        var commas = 0, semicolons = 0, inQuotes = false
        for byte in text {
            if byte == quote { inQuotes.toggle() }
            else if !inQuotes {
                if byte == lineFeed || byte == carriageReturn { break }
                if byte == UInt8(ascii: ",") { commas += 1 } else if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
        }
        return (semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ","), false)
    }

    /// The stored bytes of field `index` of the last record.
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return recordBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<fieldEnds[index]])) }
    }

    /// Calls `body` with each stored field of the last record, in order (one access for the whole row).
    func forEachField(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        let ends = fieldEnds
        recordBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for (index, end) in ends.enumerated() {
                body(index, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
    }

    /// Reads the next record; `false` at the end of the file.
    func nextRecord() throws -> Bool {
        recordBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldCount = 0
        isTooLarge = false
        hadQuotes = false
        unclosedQuoteLine = nil
        var recordStarted = false
        while true {
            if position >= chunk.count {
                guard !atEnd, let next = try source.nextChunk() else {
                    atEnd = true
                    guard recordStarted else { return false }
                    if state == .quoted { unclosedQuoteLine = quoteLine }
                    endField()
                    state = .fieldStart
                    return true
                }
                chunk = next
                position = 0
            }
            if scan(recordStarted: &recordStarted) { return true }
        }
    }

    /// Consumes bytes of the current chunk; `true` when a record ended.
    private func scan(recordStarted: inout Bool) -> Bool {
        let chunk = self.chunk
        let delimiter = self.delimiter
        // The hot state lives in locals while scanning (class properties cost an exclusivity check each access).
        var state = self.state, line = self.line, skipLineFeed = self.skipLineFeed
        var quoteLine = self.quoteLine, hadQuotes = self.hadQuotes
        return chunk.withUnsafeBufferPointer { buffer in
            var i = position
            let n = buffer.count
            defer {
                position = i
                self.state = state
                self.line = line
                self.skipLineFeed = skipLineFeed
                self.quoteLine = quoteLine
                self.hadQuotes = hadQuotes
            }
            while i < n {
                let byte = buffer[i]
                if skipLineFeed {
                    skipLineFeed = false
                    if byte == Self.lineFeed { i += 1; continue }
                }
                switch state {
                case .fieldStart:
                    if !recordStarted {
                        if byte == Self.lineFeed { line += 1; i += 1; continue }
                        if byte == Self.carriageReturn { line += 1; skipLineFeed = true; i += 1; continue }
                        recordStarted = true
                        self.recordLine = line
                    }
                    if byte == Self.quote {
                        state = .quoted
                        quoteLine = line
                        hadQuotes = true
                        i += 1
                    } else if byte == delimiter {
                        endField()
                        i += 1
                    } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                        endField()
                        line += 1
                        skipLineFeed = byte == Self.carriageReturn
                        i += 1
                        return true
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    var j = i
                    while j < n {
                        let c = buffer[j]
                        if c == delimiter || c == Self.lineFeed || c == Self.carriageReturn { break }
                        j += 1
                    }
                    append(UnsafeBufferPointer(rebasing: buffer[i..<j]))
                    i = j
                    if j < n { state = .fieldStart }
                case .quoted:
                    var j = i
                    while j < n {
                        let c = buffer[j]
                        if c == Self.quote { break }
                        if c == Self.lineFeed { line += 1 }
                        j += 1
                    }
                    append(UnsafeBufferPointer(rebasing: buffer[i..<j]))
                    i = j
                    if j < n { state = .quoteInQuoted; i += 1 }
                case .quoteInQuoted:
                    if byte == Self.quote {
                        append(byte)
                        state = .quoted
                        i += 1
                    } else if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn {
                        state = .fieldStart
                    } else {
                        state = .unquoted
                    }
                }
            }
            return false
        }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        if recordBytes.count + bytes.count > maxRecordBytes || isTooLarge {
            isTooLarge = true
        } else {
            recordBytes.append(contentsOf: bytes)
        }
    }

    private func append(_ byte: UInt8) {
        if recordBytes.count >= maxRecordBytes { isTooLarge = true } else if !isTooLarge { recordBytes.append(byte) }
    }

    private func endField() {
        if fieldEnds.count < maxFields { fieldEnds.append(recordBytes.count) }
        fieldCount += 1
    }
}
