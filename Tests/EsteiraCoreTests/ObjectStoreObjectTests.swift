import Foundation
import Testing
@testable import EsteiraCore

@Suite struct ObjectStoreObjectTests {
    @Test func keysOfUpTo1024BytesAreAcceptedAndLongerOnesRefused() throws {
        #expect(try ObjectKey(String(repeating: "k", count: 1024)).rawValue.utf8.count == 1024)
        #expect(try ObjectKey(String(repeating: "é", count: 512)).rawValue.utf8.count == 1024)

        for tooLong in [String(repeating: "k", count: 1025), String(repeating: "é", count: 512) + "k"] {
            let error = #expect(throws: S3Error.self) { try ObjectKey(tooLong) }
            #expect(error?.code == .keyTooLongError)
            #expect(error?.message == "Your key is too long")
            #expect(error?.description.contains("1025 bytes") == true)
        }
        let empty = #expect(throws: S3Error.self) { try ObjectKey("") }
        #expect(empty?.code == .invalidArgument)
        // SQLite would cut the key at a NUL and write another object: refused instead.
        let nul = #expect(throws: S3Error.self) { try ObjectKey("a\0b.csv") }
        #expect(nul?.code == .invalidArgument)
        #expect(nul?.description == "InvalidArgument: The object key must not contain the NUL character (a\\0b.csv)")
        let control = "linha\nnova\u{1B}[31m\u{202E}.csv"
        #expect(try ObjectKey(control).rawValue == control)
    }

    @Test func aKeyOf1024BytesIsStoredAndRead() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let longKey = try ObjectKey(String(repeating: "ã", count: 511) + "xy")
        try fixture.store.putObject(bucket: notas, key: longKey, data: Data("ok".utf8))
        #expect(try fixture.store.data(bucket: notas, key: longKey) == Data("ok".utf8))
        #expect(try fixture.store.listObjects(bucket: notas).objects.map(\.key) == [longKey])
    }

    @Test func putThenGetHeadAndDataReturnWhatWasStored() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let source = try fixture.sourceFile("notas.csv", "numero,nome\nNF-1,João\n")
        let key = try ObjectKey("uploads/2024/notas.csv")
        let put = try fixture.store.putObject(bucket: notas, key: key, contentsOf: source,
                                              metadata: ["Origem": "cli", "lote": "7"])
        #expect(put.object.size == 23)
        #expect(put.object.eTag == "9380621d703e67fec0f90d60e8eb22cb")
        #expect(put.object.contentType == "text/csv")
        #expect(put.object.userMetadata == ["origem": "cli", "lote": "7"])

        let head = try fixture.store.headObject(bucket: notas, key: key)
        #expect(head == put.object)
        let stored = try fixture.store.getObject(bucket: notas, key: key)
        #expect(stored.metadata == put.object)
        #expect(stored.fileURL.path.hasPrefix(fixture.directory.objectsURL.path + "/"))
        let handle = try stored.openForReading()
        defer { try? handle.close() }
        #expect(try handle.readToEnd() == Data("numero,nome\nNF-1,João\n".utf8))
        #expect(try fixture.store.data(bucket: notas, key: key) == Data("numero,nome\nNF-1,João\n".utf8))
        #expect(abs(head.lastModified.timeIntervalSinceNow) < 60)
        #expect(head.quotedETag == "\"\(head.eTag)\"")
    }

    @Test func theETagIsTheLowerCaseMD5OfTheBytes() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let empty = try fixture.store.putObject(bucket: notas, key: ObjectKey("empty"), data: Data())
        #expect(empty.object.eTag == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(empty.object.size == 0)
        let fox = try fixture.store.putObject(bucket: notas, key: ObjectKey("fox.txt"),
                                              data: Data("The quick brown fox jumps over the lazy dog".utf8))
        #expect(fox.object.eTag == "9e107d9d372bb6826bd81d3542a419d6")
    }

    @Test(arguments: [
        ("a.csv", "text/csv"), ("A.CSV", "text/csv"), ("x.json", "application/json"),
        ("x.jsonl", "application/x-ndjson"), ("x.ndjson", "application/x-ndjson"), ("nfe.xml", "application/xml"),
        ("leia.txt", "text/plain"), ("nota.pdf", "application/pdf"),
        ("planilha.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("lote.zip", "application/zip"), ("sem-extensao", "application/octet-stream"),
        ("dir.csv/arquivo", "application/octet-stream"), (".hidden", "application/octet-stream"),
        ("x.desconhecido", "application/octet-stream"),
    ])
    func theContentTypeComesFromTheExtension(_ name: String, _ expected: String) throws {
        #expect(ContentType.forKey(try ObjectKey(name)) == expected)
    }

    @Test func anExplicitContentTypeWins() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let put = try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), data: Data(),
                                              contentType: "text/plain; charset=windows-1252")
        #expect(put.object.contentType == "text/plain; charset=windows-1252")
    }

    @Test func userMetadataOver2KBIsRefused() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let error = #expect(throws: S3Error.self) {
            try fixture.store.putObject(bucket: notas, key: ObjectKey("a"), data: Data(),
                                        metadata: ["nota": String(repeating: "x", count: 2045)])
        }
        #expect(error?.code == .metadataTooLarge)
        #expect(error?.message == "Your metadata headers exceed the maximum allowed metadata size.")
        #expect(try fixture.store.listObjects(bucket: notas).objects.isEmpty)
    }

    @Test func gettingAMissingKeyIsNoSuchKey() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let error = #expect(throws: S3Error.self) { try fixture.store.headObject(bucket: notas, key: ObjectKey("falta.csv")) }
        #expect(error?.code == .noSuchKey)
        #expect(error?.message == "The specified key does not exist.")
        #expect(error?.description == "NoSuchKey: The specified key does not exist. (notas/falta.csv)")
    }

    @Test func replacingAnObjectDeletesTheOldBytes() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let key = try ObjectKey("a.csv")
        try fixture.store.putObject(bucket: notas, key: key, data: Data("v1".utf8))
        let first = try fixture.store.getObject(bucket: notas, key: key)
        try fixture.store.putObject(bucket: notas, key: key, data: Data("version 2".utf8))
        #expect(!FileManager.default.fileExists(atPath: first.fileURL.path))
        #expect(try fixture.store.data(bucket: notas, key: key) == Data("version 2".utf8))
        #expect(fixture.blobFiles().count == 1)
        #expect(fixture.temporaryFiles().isEmpty)
    }

    @Test func deleteRemovesTheObjectAndItsBytesAndAMissingKeyIsNoError() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let key = try ObjectKey("a.csv")
        try fixture.store.putObject(bucket: notas, key: key, data: Data("v1".utf8))
        let event = try fixture.store.deleteObject(bucket: notas, key: key)
        #expect(event != nil)
        #expect(fixture.blobFiles().isEmpty)
        #expect(throws: S3Error.self) { try fixture.store.headObject(bucket: notas, key: key) }
        let eventsBefore = try fixture.count("s3_events")
        #expect(try fixture.store.deleteObject(bucket: notas, key: key) == nil)
        #expect(try fixture.count("s3_events") == eventsBefore)
    }

    @Test func copyKeepsBytesETagAndMetadataUnlessReplaced() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let archive = try fixture.bucket("arquivo")
        let original = try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), data: Data("abc".utf8),
                                                   metadata: ["lote": "1"])
        let copy = try fixture.store.copyObject(from: notas, key: ObjectKey("a.csv"), to: archive, key: ObjectKey("2024/a.csv"))
        #expect(copy.object.eTag == original.object.eTag)
        #expect(copy.object.size == 3)
        #expect(copy.object.contentType == "text/csv")
        #expect(copy.object.userMetadata == ["lote": "1"])
        #expect(try fixture.store.data(bucket: archive, key: ObjectKey("2024/a.csv")) == Data("abc".utf8))

        // The copy is independent of its source.
        try fixture.store.deleteObject(bucket: notas, key: ObjectKey("a.csv"))
        #expect(try fixture.store.data(bucket: archive, key: ObjectKey("2024/a.csv")) == Data("abc".utf8))

        let replaced = try fixture.store.copyObject(from: archive, key: ObjectKey("2024/a.csv"), to: archive,
                                                    key: ObjectKey("2024/a.csv"), metadata: ["Lote": "2"])
        #expect(replaced.object.userMetadata == ["lote": "2"])
        #expect(fixture.blobFiles().count == 1)
    }

    @Test func copyingAnObjectOntoItselfWithoutNewMetadataIsRefused() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), data: Data("abc".utf8))
        let error = #expect(throws: S3Error.self) {
            try fixture.store.copyObject(from: notas, key: ObjectKey("a.csv"), to: notas, key: ObjectKey("a.csv"))
        }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message.hasPrefix("This copy request is illegal because it is trying to copy an object to itself") == true)
        let missing = #expect(throws: S3Error.self) {
            try fixture.store.copyObject(from: notas, key: ObjectKey("b.csv"), to: notas, key: ObjectKey("c.csv"))
        }
        #expect(missing?.code == .noSuchKey)
        #expect(fixture.blobFiles().count == 1)
    }

    @Test(arguments: ["../../etc/passwd", "a/../../b", "/etc/hosts", "../../../../../../tmp/esteira-escape", "..", ".", "./x", "a//b", "C:\\Windows\\x"])
    func pathLikeKeysNeverTouchFilesOutsideTheDataDirectory(_ text: String) throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let key = try ObjectKey(text)
        let outside = fixture.directory.url.deletingLastPathComponent()
        let before = try FileManager.default.subpathsOfDirectory(atPath: outside.path).filter { !$0.hasPrefix("data") }

        let put = try fixture.store.putObject(bucket: notas, key: key, data: Data("secret".utf8))
        let stored = try fixture.store.getObject(bucket: notas, key: key)
        #expect(stored.fileURL.standardizedFileURL.path.hasPrefix(fixture.directory.objectsURL.path + "/"))
        #expect(!stored.fileURL.path.contains(".."))
        #expect(try fixture.store.data(bucket: notas, key: key) == Data("secret".utf8))
        try fixture.store.copyObject(from: notas, key: key, to: notas, key: ObjectKey(text + ".copy"))
        try fixture.store.deleteObject(bucket: notas, key: key)

        let after = try FileManager.default.subpathsOfDirectory(atPath: outside.path).filter { !$0.hasPrefix("data") }
        #expect(before == after)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/esteira-escape"))
        #expect(put.object.key.rawValue == text)
        #expect(fixture.blobFiles().allSatisfy { $0.path.hasPrefix(fixture.directory.objectsURL.path + "/") })
    }

    @Test func keysThatDifferOnlyInUnicodeNormalisationAreDifferentObjects() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let composed = try ObjectKey("Jos\u{E9}.csv")
        let decomposed = try ObjectKey("Jose\u{301}.csv")
        #expect(composed != decomposed)
        try fixture.store.putObject(bucket: notas, key: composed, data: Data("1".utf8))
        try fixture.store.putObject(bucket: notas, key: decomposed, data: Data("2".utf8))
        #expect(try fixture.store.data(bucket: notas, key: composed) == Data("1".utf8))
        #expect(try fixture.store.data(bucket: notas, key: decomposed) == Data("2".utf8))
        #expect(try fixture.store.listObjects(bucket: notas).objects.count == 2)
    }

    @Test func aMissingSourceFileIsNamedInTheError() throws {
        let fixture = try ObjectStoreFixture()
        let notas = try fixture.bucket("notas")
        let missing = fixture.sources.appendingPathComponent("nao-existe.csv")
        let error = #expect(throws: ObjectFileError.self) {
            try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), contentsOf: missing)
        }
        #expect(error?.path == missing.path)
        #expect(error?.description == missing.path + ": no such file")
        #expect(fixture.temporaryFiles().isEmpty)
        let folder = #expect(throws: ObjectFileError.self) {
            try fixture.store.putObject(bucket: notas, key: ObjectKey("a.csv"), contentsOf: fixture.sources)
        }
        #expect(folder?.path == fixture.sources.path)
        #expect(folder?.reason == "is a folder, not a file")
        #expect(fixture.temporaryFiles().isEmpty)
        #expect(fixture.blobFiles().isEmpty)
        #expect(try fixture.count("s3_events") == 0)
    }
}
