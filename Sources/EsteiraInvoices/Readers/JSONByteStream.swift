/// A JSON syntax error at a line and column, a failure to read the file, or another reason the
/// file as a whole is refused.
enum JSONReadError: Error {
    case syntax(String, line: Int, column: Int)
    case unreadable(any Error)
    case rejection(FileRejection)
}

/// The bytes of a JSON file, one at a time, with the line and column of the next byte; reads the
/// file in bounded chunks. Can record the bytes it passes (to keep a nested value's text).
/// Its state is touched for every byte by one reader on one thread, so the per-access exclusivity
/// checks are turned off for the hot properties (they cost about a sixth of the reading time).
final class JSONByteStream {
    private let source: ByteChunkSource
    @exclusivity(unchecked) private var chunk: [UInt8]
    @exclusivity(unchecked) private var position: Int
    private var atEnd = false
    /// The line of the next byte (1-based).
    @exclusivity(unchecked) private(set) var line = 1
    /// The column of the next byte (1-based, in bytes).
    @exclusivity(unchecked) private(set) var column = 1
    /// How many bytes have been consumed.
    @exclusivity(unchecked) private(set) var consumed = 0
    /// Bytes recorded since `startRecording`, while recording.
    @exclusivity(unchecked) private(set) var recorded: [UInt8] = []
    @exclusivity(unchecked) private var recording = false
    private var recordLimit = 0

    /// A stream that starts at `offset` of `firstChunk` and continues with `source`.
    init(firstChunk: [UInt8], offset: Int, source: ByteChunkSource) {
        chunk = firstChunk
        position = offset
        self.source = source
    }

    /// The next byte without consuming it; `nil` at the end of the file.
    @inline(__always)
    func peek() throws(JSONReadError) -> UInt8? {
        if position < chunk.count { return chunk[position] }
        return try refill() ? chunk[position] : nil
    }

    /// Consumes the byte `peek` returned.
    @inline(__always)
    func advance() {
        let byte = chunk[position]
        position += 1
        consumed += 1
        if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        if recording, recorded.count < recordLimit { recorded.append(byte) }
    }

    /// Consumes a run of bytes up to (not including) the first byte for which `stop` is true, within
    /// the current chunk, handing them to `body`; returns whether a stopping byte was reached.
    /// Only for runs without line feeds (the column advances by the run's length).
    func consumeRun(until stop: (UInt8) -> Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(JSONReadError) -> Bool {
        guard try peek() != nil else { return false }
        let start = position
        let chunk = self.chunk
        let end = chunk.withUnsafeBufferPointer { buffer -> Int in
            var j = start
            while j < buffer.count, !stop(buffer[j]) { j += 1 }
            body(UnsafeBufferPointer(rebasing: buffer[start..<j]))
            if recording, recorded.count < recordLimit {
                recorded.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<min(j, start + recordLimit - recorded.count)]))
            }
            return j
        }
        consumed += end - start
        column += end - start
        position = end
        return end < chunk.count
    }

    /// Starts recording consumed bytes, keeping at most `limit`.
    func startRecording(limit: Int) {
        recorded.removeAll(keepingCapacity: true)
        recording = true
        recordLimit = limit
    }

    /// Stops recording and returns what was recorded.
    func stopRecording() -> [UInt8] {
        recording = false
        return recorded
    }

    private func refill() throws(JSONReadError) -> Bool {
        guard !atEnd else { return false }
        do {
            guard let next = try source.nextChunk() else { atEnd = true; return false }
            chunk = next
            position = 0
            return true
        } catch {
            throw .unreadable(error)
        }
    }
}
