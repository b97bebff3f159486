import Foundation

/// Reads a file (or in-memory bytes) one bounded chunk at a time, so no reader ever holds the file.
final class ByteChunkSource {
    private enum Backing {
        case file(FileHandle)
        case memory(Data, offset: Int)
    }

    private var backing: Backing
    private let chunkBytes: Int

    /// A source over the file at `url`. Throws when it cannot be opened.
    init(url: URL, chunkBytes: Int) throws {
        backing = .file(try FileHandle(forReadingFrom: url))
        self.chunkBytes = chunkBytes
    }

    /// A source over bytes already in memory.
    init(data: Data, chunkBytes: Int) {
        backing = .memory(data, offset: 0)
        self.chunkBytes = chunkBytes
    }

    deinit {
        if case .file(let handle) = backing { try? handle.close() }
    }

    /// The next chunk of at most `count` bytes (the configured chunk size by default), or `nil` at the end.
    func nextChunk(count: Int? = nil) throws -> [UInt8]? {
        let count = count ?? chunkBytes
        switch backing {
        case .file(let handle):
            guard let data = try handle.read(upToCount: count), !data.isEmpty else { return nil }
            return [UInt8](data)
        case .memory(let data, let offset):
            guard offset < data.count else { return nil }
            let end = min(data.count, offset + count)
            backing = .memory(data, offset: end)
            let start = data.startIndex
            return [UInt8](data[(start + offset)..<(start + end)])
        }
    }
}
