import Foundation
import GRDB

/// Buckets and objects with Amazon S3's semantics, persisted in the data directory: metadata in the
/// engine database, bytes in files named by an id (never by the key).
///
/// Every object change records its S3 event in the same database transaction (see `EventOutbox`),
/// so a write and its event commit together or not at all.
///
/// ```swift
/// let store = ObjectStore(database: database, directory: directory, outbox: outbox)
/// try store.createBucket(BucketName("notas"))
/// let put = try store.putObject(bucket: BucketName("notas"), key: ObjectKey("2024/março.csv"),
///                               contentsOf: fileURL)
/// print(put.object.eTag, put.event.deliveryIDs)
/// ```
public final class ObjectStore: Sendable {
    public let database: EngineDatabase
    public let directory: DataDirectory
    /// Where object changes record their events.
    public let outbox: EventOutbox
    let blobs: BlobStore

    /// S3's limit on user metadata: names plus values, in UTF-8 bytes.
    public static let maximumUserMetadataBytes = 2048
    /// The page size `listObjects` uses unless told otherwise, as S3 does.
    public static let defaultMaxKeys = 1000

    public init(database: EngineDatabase, directory: DataDirectory, outbox: EventOutbox) {
        self.database = database
        self.directory = directory
        self.outbox = outbox
        self.blobs = BlobStore(directory: directory)
    }

    /// Adds the bucket and object tables (ids prefixed `objects-`).
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("objects-v1") { db in
            try db.execute(sql: """
                CREATE TABLE s3_buckets (
                    name TEXT PRIMARY KEY NOT NULL,
                    created_ms INTEGER NOT NULL,
                    object_count INTEGER NOT NULL DEFAULT 0,
                    total_size INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE s3_objects (
                    bucket TEXT NOT NULL REFERENCES s3_buckets(name),
                    key TEXT NOT NULL,
                    blob_id TEXT NOT NULL UNIQUE,
                    size INTEGER NOT NULL,
                    etag TEXT NOT NULL,
                    last_modified_ms INTEGER NOT NULL,
                    content_type TEXT NOT NULL,
                    user_metadata TEXT NOT NULL,
                    PRIMARY KEY (bucket, key)
                ) WITHOUT ROWID;
                """)
        }
    }

    // MARK: - Buckets

    /// Creates an empty bucket; S3's `BucketAlreadyOwnedByYou` if it exists.
    public func createBucket(_ name: BucketName) throws {
        if try !ensureBucket(name) { throw S3Error.bucketAlreadyOwnedByYou(name) }
    }

    /// Creates the bucket unless it exists. Returns whether it was created.
    @discardableResult
    public func ensureBucket(_ name: BucketName) throws -> Bool {
        try database.writer.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO s3_buckets (name, created_ms) VALUES (?, ?)",
                           arguments: [name.rawValue, S3Timestamp.milliseconds(Date())])
            return db.changesCount > 0
        }
    }

    /// Whether the bucket exists.
    public func bucketExists(_ name: BucketName) throws -> Bool {
        try database.writer.read { db in try Self.bucketExists(name, in: db) }
    }

    /// Every bucket, by name, with its object count and total size.
    public func listBuckets() throws -> [Bucket] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM s3_buckets ORDER BY name").map { row in
                Bucket(name: try BucketName(row["name"]), creationDate: S3Timestamp.date(milliseconds: row["created_ms"]),
                       objectCount: row["object_count"], totalSize: row["total_size"])
            }
        }
    }

    /// Deletes an empty bucket and its notification rules; S3's `BucketNotEmpty` while it holds
    /// objects, `NoSuchBucket` if it does not exist.
    public func deleteBucket(_ name: BucketName) throws {
        try database.writer.write { db in
            try Self.requireBucket(name, in: db)
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM s3_objects WHERE bucket = ?)",
                                 arguments: [name.rawValue]) == true {
                throw S3Error.bucketNotEmpty(name)
            }
            try outbox.removeRules(bucket: name, in: db)
            try db.execute(sql: "DELETE FROM s3_buckets WHERE name = ?", arguments: [name.rawValue])
        }
    }

    // MARK: - Notification configuration

    /// Replaces the bucket's notification rules (S3's `PutBucketNotificationConfiguration`),
    /// refusing overlapping rules with S3's messages. Saving records an `s3:TestEvent` with one
    /// pending delivery per target function and returns it; saving the rules already in place
    /// records nothing and returns nil, so that re-applying a pipeline file at start-up is quiet.
    @discardableResult
    public func setNotificationRules(bucket: BucketName, rules: [NotificationRule]) throws -> RecordedEvent? {
        let ruleSet = try NotificationRuleSet(validating: rules, bucket: bucket)
        return try database.writer.write { db in
            try Self.requireBucket(bucket, in: db)
            return try outbox.replaceRules(ruleSet, bucket: bucket, in: db)
        }
    }

    /// The bucket's notification rules; `NoSuchBucket` if it does not exist.
    public func notificationRules(bucket: BucketName) throws -> [NotificationRule] {
        try database.writer.read { db in
            try Self.requireBucket(bucket, in: db)
            return try outbox.ruleSet(bucket: bucket, in: db).rules
        }
    }

    // MARK: - Writing objects

    /// Stores the file's bytes as `bucket/key` (S3's PutObject), streaming them in chunks (a file of
    /// any size is never held in memory) and computing the MD5 on the way. The object row and its
    /// `ObjectCreated:Put` event commit in one transaction; a replaced object's old bytes are deleted
    /// after the commit.
    ///
    /// - Parameters:
    ///   - contentType: the media type; derived from the key's extension when nil.
    ///   - metadata: user metadata (names are lower-cased, as S3 does); at most 2 KB.
    ///   - lineage: `.root` for a user's write; for a function's write, the triggering delivery's
    ///     `lineage.next(triggeringEventID:)`, so that the loop guard can stop a runaway chain.
    @discardableResult
    public func putObject(
        bucket: BucketName, key: ObjectKey, contentsOf fileURL: URL, contentType: String? = nil,
        metadata: [String: String] = [:], lineage: EventLineage = .root
    ) throws -> PutObjectResult {
        let userMetadata = try Self.normalized(metadata, bucket: bucket, key: key)
        guard try bucketExists(bucket) else { throw S3Error.noSuchBucket(bucket) }
        let blob = try blobs.stage(contentsOf: fileURL)
        return try commit(blob, bucket: bucket, key: key, contentType: contentType ?? ContentType.forKey(key),
                          metadata: userMetadata, type: .objectCreatedPut, lineage: lineage)
    }

    /// Stores many files at once (S3's PutObject for each, in order), sharing the cost of making
    /// them durable: every file is copied and `fsync`ed, their shared directory is synchronised
    /// once, and all the object rows with their `ObjectCreated:Put` events commit in one
    /// transaction. The result has one entry per upload, in order: a file that cannot be stored
    /// (missing, unreadable, a folder, a bucket that does not exist, metadata too large) fails
    /// alone, naming its path or object, and the others are stored.
    public func putObjects(_ uploads: [ObjectUpload], lineage: EventLineage = .root)
        -> [Result<PutObjectResult, any Error>] {
        var results = [Result<PutObjectResult, any Error>?](repeating: nil, count: uploads.count)
        var staged: [(index: Int, blob: BlobStore.StagedBlob, metadata: [String: String])] = []
        var knownBuckets: [BucketName: Bool] = [:]
        let shard = BlobStore.randomShard()
        for (index, upload) in uploads.enumerated() {
            do {
                let metadata = try Self.normalized(upload.metadata, bucket: upload.bucket, key: upload.key)
                let exists = try knownBuckets[upload.bucket] ?? bucketExists(upload.bucket)
                knownBuckets[upload.bucket] = exists
                guard exists else { throw S3Error.noSuchBucket(upload.bucket) }
                staged.append((index, try blobs.stage(contentsOf: upload.fileURL, shard: shard), metadata))
            } catch {
                results[index] = .failure(error)
            }
        }
        if !staged.isEmpty { blobs.synchronizeShard(shard) }
        var replacedBlobs: [String] = []
        do {
            let committed = try database.writer.write { db in
                try staged.map { entry -> (index: Int, result: Result<PutObjectResult, any Error>) in
                    let upload = uploads[entry.index]
                    var inserted: (PutObjectResult, String?)?
                    do {
                        // A savepoint per object: one that fails leaves no trace and the others commit.
                        try db.inSavepoint {
                            inserted = try insertObject(
                                entry.blob, bucket: upload.bucket, key: upload.key,
                                contentType: upload.contentType ?? ContentType.forKey(upload.key),
                                metadata: entry.metadata, type: .objectCreatedPut, lineage: lineage, in: db)
                            return .commit
                        }
                    } catch let error as DatabaseError {
                        throw error
                    } catch {
                        return (entry.index, .failure(error))
                    }
                    guard let (result, replaced) = inserted else { return (entry.index, .failure(CancellationError())) }
                    if let replaced { replacedBlobs.append(replaced) }
                    return (entry.index, .success(result))
                }
            }
            for (index, result) in committed { results[index] = result }
        } catch {
            replacedBlobs = []
            for entry in staged { results[entry.index] = .failure(error) }
        }
        for entry in staged {
            if case .failure = results[entry.index] { blobs.remove(entry.blob.id) }
        }
        for blob in replacedBlobs { blobs.remove(blob) }
        return results.compactMap { $0 }
    }

    /// Stores `data` as `bucket/key`: PutObject for small payloads such as reports written by
    /// functions. Same transaction and events as the file variant; `alongside`, when given, runs
    /// in that transaction too (a function's own record of what it wrote commits with the object).
    @discardableResult
    public func putObject(
        bucket: BucketName, key: ObjectKey, data: Data, contentType: String? = nil,
        metadata: [String: String] = [:], lineage: EventLineage = .root,
        alongside: ((Database) throws -> Void)? = nil
    ) throws -> PutObjectResult {
        let userMetadata = try Self.normalized(metadata, bucket: bucket, key: key)
        guard try bucketExists(bucket) else { throw S3Error.noSuchBucket(bucket) }
        let blob = try blobs.stage(data: data)
        return try commit(blob, bucket: bucket, key: key, contentType: contentType ?? ContentType.forKey(key),
                          metadata: userMetadata, type: .objectCreatedPut, lineage: lineage, alongside: alongside)
    }

    /// Copies an object (S3's CopyObject), recording `ObjectCreated:Copy`. The copy keeps the
    /// source's content type and user metadata unless `metadata` replaces them (S3's
    /// `MetadataDirective: REPLACE`); copying an object onto itself without new metadata is refused
    /// with S3's `InvalidRequest`.
    @discardableResult
    public func copyObject(
        from sourceBucket: BucketName, key sourceKey: ObjectKey, to bucket: BucketName, key: ObjectKey,
        metadata: [String: String]? = nil, lineage: EventLineage = .root
    ) throws -> PutObjectResult {
        if sourceBucket == bucket && sourceKey == key && metadata == nil {
            throw S3Error(code: .invalidRequest,
                          message: "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
                          resource: "\(bucket.rawValue)/\(key.rawValue)")
        }
        let replacement = try metadata.map { try Self.normalized($0, bucket: bucket, key: key) }
        guard try bucketExists(bucket) else { throw S3Error.noSuchBucket(bucket) }
        // The source's bytes may be replaced between reading its row and linking its file; then
        // the link fails or the row has moved on, and the copy starts again from the new version.
        for _ in 0..<3 {
            let (source, blobID) = try database.writer.read { db in
                try Self.requireBucket(sourceBucket, in: db)
                guard let row = try Self.objectRow(sourceBucket, sourceKey, in: db) else {
                    throw S3Error.noSuchKey(sourceBucket, sourceKey)
                }
                return (try Self.metadata(from: row), row["blob_id"] as String)
            }
            let stillCurrent: (Database) throws -> Bool = { db in
                try String.fetchOne(db, sql: "SELECT blob_id FROM s3_objects WHERE bucket = ? AND key = ?",
                                    arguments: [sourceBucket.rawValue, sourceKey.rawValue]) == blobID
            }
            let copyID: String
            do {
                copyID = try blobs.duplicate(blobID)
            } catch {
                if try database.writer.read(stillCurrent) { throw error }
                continue
            }
            let staged = BlobStore.StagedBlob(id: copyID, size: source.size, md5Hex: source.eTag)
            do {
                return try commit(staged, bucket: bucket, key: key, contentType: source.contentType,
                                  metadata: replacement ?? source.userMetadata, type: .objectCreatedCopy,
                                  lineage: lineage, precondition: stillCurrent)
            } catch is SourceChanged {
                continue
            }
        }
        throw S3Error(code: .invalidRequest, message: "The source object kept changing during the copy",
                      resource: "\(sourceBucket.rawValue)/\(sourceKey.rawValue)")
    }

    /// Deletes an object (S3's DeleteObject), recording `ObjectRemoved:Delete` in the same
    /// transaction. Deleting a key that does not exist succeeds and records nothing (returns nil),
    /// as S3 does for an unversioned bucket.
    @discardableResult
    public func deleteObject(bucket: BucketName, key: ObjectKey, lineage: EventLineage = .root) throws -> RecordedEvent? {
        let (event, removedBlob) = try database.writer.write { db -> (RecordedEvent?, String?) in
            try Self.requireBucket(bucket, in: db)
            guard let removed = try Self.objectRow(bucket, key, in: db) else { return (nil, nil) }
            try db.execute(sql: "DELETE FROM s3_objects WHERE bucket = ? AND key = ?",
                           arguments: [bucket.rawValue, key.rawValue])
            try db.execute(sql: """
                UPDATE s3_buckets SET object_count = object_count - 1, total_size = total_size - ? WHERE name = ?
                """, arguments: [removed["size"] as Int64, bucket.rawValue])
            let event = try outbox.recordObjectEvent(.objectRemovedDelete, bucket: bucket, key: key, size: nil, eTag: nil,
                                                     timeMilliseconds: S3Timestamp.milliseconds(Date()),
                                                     lineage: lineage, in: db)
            return (event, removed["blob_id"] as String)
        }
        if let removedBlob { blobs.remove(removedBlob) }
        return event
    }

    /// Commits a staged blob as `bucket/key` with its event; deletes the blob if the commit fails,
    /// and the replaced object's blob once it succeeds. Throws `SourceChanged` when `precondition`
    /// fails.
    private func commit(
        _ blob: BlobStore.StagedBlob, bucket: BucketName, key: ObjectKey, contentType: String,
        metadata: [String: String], type: S3EventType, lineage: EventLineage,
        precondition: ((Database) throws -> Bool)? = nil, alongside: ((Database) throws -> Void)? = nil
    ) throws -> PutObjectResult {
        do {
            let (result, replaced) = try database.writer.write { db -> (PutObjectResult, String?) in
                try Self.requireBucket(bucket, in: db)
                if let precondition, try !precondition(db) { throw SourceChanged() }
                let inserted = try insertObject(blob, bucket: bucket, key: key, contentType: contentType,
                                                metadata: metadata, type: type, lineage: lineage, in: db)
                try alongside?(db)
                return inserted
            }
            if let replaced { blobs.remove(replaced) }
            return result
        } catch {
            blobs.remove(blob.id)
            throw error
        }
    }

    /// Inserts or replaces the object row of a staged blob and records its event, inside `db`'s
    /// transaction. Returns the result and the replaced object's blob id (to delete after the commit).
    private func insertObject(
        _ blob: BlobStore.StagedBlob, bucket: BucketName, key: ObjectKey, contentType: String,
        metadata: [String: String], type: S3EventType, lineage: EventLineage, in db: Database
    ) throws -> (PutObjectResult, String?) {
        try Self.requireBucket(bucket, in: db)
        let metadataText = String(decoding: try Self.jsonEncoder.encode(metadata), as: UTF8.self)
        let replaced = try Self.objectRow(bucket, key, in: db)
        let now = S3Timestamp.milliseconds(Date())
        try db.cachedStatement(sql: """
            INSERT INTO s3_objects (bucket, key, blob_id, size, etag, last_modified_ms, content_type, user_metadata)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(bucket, key) DO UPDATE SET blob_id = excluded.blob_id, size = excluded.size,
                etag = excluded.etag, last_modified_ms = excluded.last_modified_ms,
                content_type = excluded.content_type, user_metadata = excluded.user_metadata
            """).execute(arguments: [bucket.rawValue, key.rawValue, blob.id, blob.size, blob.md5Hex, now,
                                     contentType, metadataText])
        try db.cachedStatement(sql: """
            UPDATE s3_buckets SET object_count = object_count + ?, total_size = total_size + ? WHERE name = ?
            """).execute(arguments: [replaced == nil ? 1 : 0, blob.size - (replaced?["size"] ?? 0), bucket.rawValue])
        let event = try outbox.recordObjectEvent(type, bucket: bucket, key: key, size: blob.size,
                                                 eTag: blob.md5Hex, timeMilliseconds: now,
                                                 lineage: lineage, in: db)
        let object = ObjectMetadata(bucket: bucket, key: key, size: blob.size, eTag: blob.md5Hex,
                                    lastModified: S3Timestamp.date(milliseconds: now),
                                    contentType: contentType, userMetadata: metadata)
        return (PutObjectResult(object: object, event: event), replaced?["blob_id"])
    }

    /// A copy's source changed between reading it and committing the copy.
    private struct SourceChanged: Error {}

    // MARK: - Reading objects

    /// An object's metadata (S3's HeadObject); `NoSuchKey` if it does not exist.
    public func headObject(bucket: BucketName, key: ObjectKey) throws -> ObjectMetadata {
        try getObject(bucket: bucket, key: key).metadata
    }

    /// An object's metadata and the file holding its bytes, for streaming reads (S3's GetObject).
    public func getObject(bucket: BucketName, key: ObjectKey) throws -> StoredObject {
        try database.writer.read { db in
            try Self.requireBucket(bucket, in: db)
            guard let row = try Self.objectRow(bucket, key, in: db) else { throw S3Error.noSuchKey(bucket, key) }
            return StoredObject(metadata: try Self.metadata(from: row), fileURL: blobs.url(for: row["blob_id"]))
        }
    }

    /// The whole content of a small object, such as a report.
    public func data(bucket: BucketName, key: ObjectKey) throws -> Data {
        // A concurrent overwrite may delete the file between the look-up and the read; the second
        // look-up then finds the new version.
        if let data = try? Data(contentsOf: getObject(bucket: bucket, key: key).fileURL) { return data }
        let object = try getObject(bucket: bucket, key: key)
        do {
            return try Data(contentsOf: object.fileURL)
        } catch {
            throw ObjectFileError(path: object.fileURL.path,
                                  reason: "the bytes of \(bucket.rawValue)/\(key.rawValue) cannot be read: \(error.localizedDescription)")
        }
    }

    /// One page of the bucket's objects (S3's ListObjectsV2), in UTF-8 binary key order.
    ///
    /// - Parameters:
    ///   - prefix: only keys starting with this (byte for byte).
    ///   - delimiter: keys with the delimiter after the prefix are rolled up into common prefixes
    ///     (`uploads/` for `uploads/a.csv` with delimiter `/`).
    ///   - maxKeys: at most this many objects plus common prefixes (default 1,000).
    ///   - continuationToken: the previous page's `nextContinuationToken`.
    public func listObjects(
        bucket: BucketName, prefix: String = "", delimiter: String? = nil, maxKeys: Int = ObjectStore.defaultMaxKeys,
        continuationToken: String? = nil
    ) throws -> ObjectListing {
        guard maxKeys >= 0 else {
            throw S3Error.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647",
                                          resource: "max-keys", detail: "got \(maxKeys)")
        }
        let after = try continuationToken.map(ListingCursor.decodeToken)
        return try database.writer.read { db in
            try Self.requireBucket(bucket, in: db)
            let cursor = ListingCursor(prefix: prefix, delimiter: delimiter.flatMap { $0.isEmpty ? nil : $0 },
                                       after: after)
            return try cursor.page(maxKeys: maxKeys) { lowerBound, inclusive, limit in
                try Row.fetchAll(db, sql: """
                    SELECT * FROM s3_objects WHERE bucket = ? AND key \(inclusive ? ">=" : ">") ? ORDER BY key LIMIT ?
                    """, arguments: [bucket.rawValue, lowerBound, limit]).map { row in
                    (row["key"] as String, { try Self.metadata(from: row) })
                }
            }
        }
    }

    // MARK: - Housekeeping

    /// Deletes object files that no object references and temporary files left by an interrupted
    /// write, last modified over `age` seconds ago (younger ones may belong to a write in progress
    /// in another process). The engine calls this at start-up. Returns how many files went.
    @discardableResult
    public func removeOrphanedFiles(olderThan age: TimeInterval = 3600) throws -> Int {
        try blobs.removeOrphans(modifiedBefore: Date().addingTimeInterval(-age)) { shard in
            try database.writer.read { db in
                // Blob ids are lower-case hex and hyphens, all sorting before "~".
                Set(try String.fetchAll(db, sql: "SELECT blob_id FROM s3_objects WHERE blob_id BETWEEN ? AND ?",
                                        arguments: [shard, shard + "~"]))
            }
        }
    }

    // MARK: - Rows

    private static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func bucketExists(_ name: BucketName, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM s3_buckets WHERE name = ?)"),
                          arguments: [name.rawValue]) == true
    }

    static func requireBucket(_ name: BucketName, in db: Database) throws {
        if try !bucketExists(name, in: db) { throw S3Error.noSuchBucket(name) }
    }

    private static func objectRow(_ bucket: BucketName, _ key: ObjectKey, in db: Database) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM s3_objects WHERE bucket = ? AND key = ?"),
                         arguments: [bucket.rawValue, key.rawValue])
    }

    private static func metadata(from row: Row) throws -> ObjectMetadata {
        let metadataText: String = row["user_metadata"]
        return ObjectMetadata(
            bucket: try BucketName(row["bucket"]),
            key: try ObjectKey(row["key"]),
            size: row["size"],
            eTag: row["etag"],
            lastModified: S3Timestamp.date(milliseconds: row["last_modified_ms"]),
            contentType: row["content_type"],
            userMetadata: try JSONDecoder().decode([String: String].self, from: Data(metadataText.utf8)))
    }

    /// User metadata as S3 keeps it: names lower-cased, at most 2 KB of names and values.
    private static func normalized(_ metadata: [String: String], bucket: BucketName, key: ObjectKey) throws -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in metadata { result[name.lowercased()] = value }
        let bytes = result.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if bytes > maximumUserMetadataBytes {
            throw S3Error(code: .metadataTooLarge,
                          message: "Your metadata headers exceed the maximum allowed metadata size.",
                          resource: "\(bucket.rawValue)/\(key.rawValue)",
                          detail: "\(bytes) bytes of names and values; the limit is \(maximumUserMetadataBytes)")
        }
        return result
    }
}
