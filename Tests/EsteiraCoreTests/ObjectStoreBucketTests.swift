import Foundation
import Testing
@testable import EsteiraCore

@Suite struct ObjectStoreBucketTests {
    @Test(arguments: ["abc", "notas", "my.bucket-2024", "a1b", String(repeating: "a", count: 63), "192.168.1.1a"])
    func acceptsValidBucketNames(_ name: String) throws {
        #expect(try BucketName(name).rawValue == name)
    }

    @Test(arguments: [
        ("ab", "between 3 and 63"),
        (String(repeating: "a", count: 64), "between 3 and 63"),
        ("Notas", "not 'N'"),
        ("my_bucket", "not '_'"),
        ("notas fiscais", "not ' '"),
        ("açaí", "non-ASCII"),
        ("-notas", "begin and end"),
        ("notas.", "begin and end"),
        ("my..bucket", "two adjacent dots"),
        ("192.168.5.4", "IP address"),
        ("xn--notas", "must not start with 'xn--'"),
        ("notas-s3alias", "must not end with '-s3alias'"),
    ])
    func refusesInvalidBucketNamesWithS3sError(_ name: String, _ reason: String) {
        let error = #expect(throws: S3Error.self) { try BucketName(name) }
        #expect(error?.code == .invalidBucketName)
        #expect(error?.message == "The specified bucket is not valid.")
        #expect(error?.description.contains(name) == true)
        #expect(error?.description.contains(reason) == true, "\(error?.description ?? "")")
    }

    @Test func createsListsAndDeletesBuckets() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let reports = try fixture.bucket("notas-reports")
        #expect(try fixture.store.bucketExists(notas))
        #expect(try fixture.store.listBuckets().map(\.name) == [notas, reports])

        try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), data: Data("12345".utf8))
        let listed = try #require(try fixture.store.listBuckets().first)
        #expect(listed.objectCount == 1)
        #expect(listed.totalSize == 5)

        try fixture.store.deleteBucket(reports)
        #expect(try !fixture.store.bucketExists(reports))
        #expect(try fixture.store.listBuckets().map(\.name) == [notas])
    }

    @Test func bucketTotalsFollowPutsReplacementsCopiesAndDeletes() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        func totals() throws -> (Int, Int64) {
            let bucket = try #require(try fixture.store.listBuckets().first { $0.name == notas })
            return (bucket.objectCount, bucket.totalSize)
        }
        try fixture.store.putObject(bucket: notas, key: ObjectKey("a"), data: Data("1234".utf8))
        try fixture.store.putObject(bucket: notas, key: ObjectKey("b"), data: Data("12".utf8))
        #expect(try totals() == (2, 6))
        try fixture.store.putObject(bucket: notas, key: ObjectKey("a"), data: Data("1".utf8))
        #expect(try totals() == (2, 3))
        try fixture.store.copyObject(from: notas, key: ObjectKey("b"), to: notas, key: ObjectKey("c"))
        #expect(try totals() == (3, 5))
        try fixture.store.deleteObject(bucket: notas, key: ObjectKey("b"))
        try fixture.store.deleteObject(bucket: notas, key: ObjectKey("b"))
        #expect(try totals() == (2, 3))
    }

    @Test func creatingAnExistingBucketIsBucketAlreadyOwnedByYou() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let error = #expect(throws: S3Error.self) { try fixture.store.createBucket(notas) }
        #expect(error?.code == .bucketAlreadyOwnedByYou)
        #expect(error?.message == "Your previous request to create the named bucket succeeded and you already own it.")
        #expect(try fixture.store.ensureBucket(notas) == false)
        #expect(try fixture.store.ensureBucket(BucketName("outro")) == true)
    }

    @Test func deletingABucketThatHoldsObjectsIsRefused() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), data: Data("x".utf8))
        let error = #expect(throws: S3Error.self) { try fixture.store.deleteBucket(notas) }
        #expect(error?.code == .bucketNotEmpty)
        #expect(error?.message == "The bucket you tried to delete is not empty")
        #expect(error?.description == "BucketNotEmpty: The bucket you tried to delete is not empty (notas)")
        #expect(try fixture.store.bucketExists(notas))

        try fixture.store.deleteObject(bucket: notas, key: ObjectKey("a.csv"))
        try fixture.store.deleteBucket(notas)
        #expect(try !fixture.store.bucketExists(notas))
    }

    @Test func operationsOnAMissingBucketAreNoSuchBucket() throws {
        let fixture = try ObjectStoreFixture()
        let missing = try BucketName("nada")
        let source = try fixture.sourceFile("a.csv", "a")
        let attempts: [() throws -> Void] = [
            { try fixture.store.deleteBucket(missing) },
            { _ = try fixture.store.putObject(bucket: missing, key: ObjectKey("a"), contentsOf: source) },
            { _ = try fixture.store.putObject(bucket: missing, key: ObjectKey("a"), data: Data()) },
            { _ = try fixture.store.getObject(bucket: missing, key: ObjectKey("a")) },
            { _ = try fixture.store.listObjects(bucket: missing) },
            { _ = try fixture.store.deleteObject(bucket: missing, key: ObjectKey("a")) },
            { _ = try fixture.store.setNotificationRules(bucket: missing, rules: []) },
        ]
        for attempt in attempts {
            let error = #expect(throws: S3Error.self) { try attempt() }
            #expect(error?.code == .noSuchBucket)
            #expect(error?.description == "NoSuchBucket: The specified bucket does not exist (nada)")
        }
        #expect(fixture.blobFiles().isEmpty)
        #expect(fixture.temporaryFiles().isEmpty)
    }

    @Test func deletingABucketForgetsItsNotificationRules() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.setNotificationRules(bucket: notas, rules: [
            NotificationRule(id: "all", events: [.objectCreatedAll], function: "f"),
        ])
        try fixture.store.deleteBucket(notas)
        try fixture.store.createBucket(notas)
        #expect(try fixture.store.notificationRules(bucket: notas).isEmpty)
    }
}
