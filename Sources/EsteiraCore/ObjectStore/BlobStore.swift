import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files that hold object bytes: `objects/<2 hex>/<uuid>`, named by an id and never by the key.
///
/// Bytes are streamed through a temporary file (with the MD5 computed on the way), made durable with
/// `fsync`, and only then renamed into place; blob files are never modified afterwards.
struct BlobStore: Sendable {
    let directory: DataDirectory

    /// Bytes read and written per step while streaming a file in.
    static let chunkSize = 1 << 20
    static let temporaryPrefix = "object-"
    static let temporarySuffix = ".part"

    /// A blob file in place, not yet referenced by any object row.
    struct StagedBlob: Sendable {
        let id: String
        let size: Int64
        let md5Hex: String
    }

    /// Where the blob `id` lives.
    func url(for id: String) -> URL {
        directory.objectsURL
            .appendingPathComponent(String(id.prefix(2)), isDirectory: true)
            .appendingPathComponent(id, isDirectory: false)
    }

    /// Streams `source` into a new blob, never holding more than one chunk in memory.
    ///
    /// With `shard`, the blob goes into that shard (two hex digits) and its directory is not
    /// synchronised: the caller staging several blobs into one shard synchronises it once
    /// (`synchronizeShard`) before committing any of them.
    func stage(contentsOf source: URL, shard: String? = nil) throws -> StagedBlob {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            throw ObjectFileError(path: source.path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw ObjectFileError(path: source.path, reason: "is a folder, not a file")
        }
        let input: FileHandle
        do {
            input = try FileHandle(forReadingFrom: source)
        } catch {
            throw ObjectFileError(path: source.path, reason: Self.reason(error, fallback: "cannot be opened for reading"))
        }
        defer { try? input.close() }
        return try stage(shard: shard) { output, md5 in
            var size: Int64 = 0
            while true {
                let chunk: Data
                do {
                    guard let read = try input.read(upToCount: Self.chunkSize), !read.isEmpty else { break }
                    chunk = read
                } catch {
                    throw ObjectFileError(path: source.path, reason: Self.reason(error, fallback: "cannot be read"))
                }
                md5.update(data: chunk)
                try output.write(contentsOf: chunk)
                size += Int64(chunk.count)
            }
            return size
        }
    }

    /// Writes `data` into a new blob.
    func stage(data: Data) throws -> StagedBlob {
        try stage(shard: nil) { output, md5 in
            md5.update(data: data)
            try output.write(contentsOf: data)
            return Int64(data.count)
        }
    }

    /// A second blob with the same bytes as `id`: a hard link (blobs are immutable), or a copy
    /// where the file system has no hard links.
    func duplicate(_ id: String) throws -> String {
        let newID = Self.newID()
        let source = url(for: id), target = url(for: newID)
        try createShard(for: newID)
        do {
            try FileManager.default.linkItem(at: source, to: target)
            // A link shares its source's modification time; a fresh one keeps the orphan sweep of
            // another process away until the copy commits.
            try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: target.path)
        } catch {
            do {
                try FileManager.default.copyItem(at: source, to: target)
            } catch {
                try? FileManager.default.removeItem(at: target)
                throw ObjectFileError(path: source.path, reason: Self.reason(error, fallback: "cannot be copied"))
            }
        }
        return newID
    }

    /// Deletes the blob `id`; a blob already gone is not an error.
    func remove(_ id: String) {
        try? FileManager.default.removeItem(at: url(for: id))
    }

    /// Deletes blob files that no object references and temporary files left by an interrupted
    /// write, when they were last modified before `cutoff` (a younger file may belong to a write
    /// still in progress in another process). `referencedIDs` gives the ids in use for one shard
    /// (the two-character folder name). Returns how many files were deleted.
    func removeOrphans(modifiedBefore cutoff: Date, referencedIDs: (String) throws -> Set<String>) throws -> Int {
        let fm = FileManager.default
        var removed = 0
        func isOld(_ url: URL) -> Bool {
            let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            return (modified ?? .distantPast) < cutoff
        }
        let temporaries = (try? fm.contentsOfDirectory(at: directory.temporaryURL, includingPropertiesForKeys: nil)) ?? []
        for file in temporaries where file.lastPathComponent.hasPrefix(Self.temporaryPrefix)
            && file.lastPathComponent.hasSuffix(Self.temporarySuffix) && isOld(file) {
            if (try? fm.removeItem(at: file)) != nil { removed += 1 }
        }
        let shards = (try? fm.contentsOfDirectory(at: directory.objectsURL, includingPropertiesForKeys: nil)) ?? []
        for shard in shards {
            let files = (try? fm.contentsOfDirectory(at: shard, includingPropertiesForKeys: nil)) ?? []
            if files.isEmpty { continue }
            let inUse = try referencedIDs(shard.lastPathComponent)
            for file in files where Self.isBlobID(file.lastPathComponent)
                && file.lastPathComponent.hasPrefix(shard.lastPathComponent)
                && !inUse.contains(file.lastPathComponent) && isOld(file) {
                if (try? fm.removeItem(at: file)) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// A shard (two hex digits) picked at random, for a group of blobs staged together.
    static func randomShard() -> String {
        String(newID().prefix(2))
    }

    /// Makes the renames into `shard` durable: its directory entries are flushed.
    func synchronizeShard(_ shard: String) {
        Self.synchronizeDirectory(directory.objectsURL.appendingPathComponent(shard, isDirectory: true))
    }

    private func stage(shard: String?, _ write: (FileHandle, inout Insecure.MD5) throws -> Int64) throws -> StagedBlob {
        let fm = FileManager.default
        let id = shard.map { $0 + Self.newID().dropFirst($0.count) } ?? Self.newID()
        let temporary = directory.temporaryURL
            .appendingPathComponent(Self.temporaryPrefix + id + Self.temporarySuffix, isDirectory: false)
        try Self.ensureDirectory(directory.temporaryURL)
        // open(2) directly: FileManager.createFile writes an empty file through a second temporary
        // file and a rename, two inodes per blob.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ObjectFileError(path: temporary.path,
                                  reason: "cannot be created: " + String(cString: strerror(errno)))
        }
        do {
            let output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            var md5 = Insecure.MD5()
            let size: Int64
            do {
                defer { try? output.close() }
                size = try write(output, &md5)
                try output.synchronize()
            }
            try createShard(for: id)
            let destination = url(for: id)
            guard rename(temporary.path, destination.path) == 0 else {
                throw ObjectFileError(path: destination.path,
                                      reason: "cannot be moved into place: " + String(cString: strerror(errno)))
            }
            if shard == nil { Self.synchronizeDirectory(destination.deletingLastPathComponent()) }
            return StagedBlob(id: id, size: size, md5Hex: Hexadecimal.string(md5.finalize()))
        } catch {
            try? fm.removeItem(at: temporary)
            if let error = error as? ObjectFileError { throw error }
            throw ObjectFileError(path: temporary.path, reason: Self.reason(error, fallback: "cannot be written"))
        }
    }

    private func createShard(for id: String) throws {
        try Self.ensureDirectory(url(for: id).deletingLastPathComponent())
    }

    /// Creates the directory `url` (and missing parents) unless it exists: one `mkdir(2)` (and a
    /// `stat(2)` when it exists) instead of Foundation's walk up the path, every time but the first.
    private static func ensureDirectory(_ url: URL) throws {
        if mkdir(url.path, 0o700) == 0 { return }
        var status = stat()
        if errno == EEXIST, stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
        // Missing parents, or something else in the way: Foundation creates them or says why not.
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ObjectFileError(path: url.path, reason: reason(error, fallback: "cannot be created"))
        }
    }

    /// Makes a rename durable: the directory entry is flushed as well as the file.
    private static func synchronizeDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    static func newID() -> String { UUID().uuidString.lowercased() }

    /// Whether `name` is a blob file name this store could have made.
    static func isBlobID(_ name: String) -> Bool {
        name.count == 36 && UUID(uuidString: name) != nil && name == name.lowercased()
    }

    /// The operating system's words for what went wrong (such as "No space left on device").
    /// Foundation's file errors carry the system's error as an `NSError` or, underneath a
    /// `CocoaError`, as a `POSIXError`.
    private static func reason(_ error: any Error, fallback: String) -> String {
        var current: (any Error)? = error
        while let error = current {
            if let posix = error as? POSIXError {
                return fallback + ": " + String(cString: strerror(posix.code.rawValue))
            }
            let bridged = error as NSError
            if bridged.domain == NSPOSIXErrorDomain {
                return fallback + ": " + String(cString: strerror(Int32(bridged.code)))
            }
            current = bridged.userInfo[NSUnderlyingErrorKey] as? any Error
        }
        return fallback
    }
}
