import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira upload FILE…`: stores files in a bucket and, by default, waits for what they trigger.
///
/// Several files (or folders, whose files are uploaded with their path inside the folder as the
/// key) are stored as one batch: one round of `fsync`s and one transaction. A file that cannot be
/// stored is named on standard error and the others are kept; the command then exits with 1.
struct UploadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Upload files into a bucket and wait for the functions they trigger.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The files to upload; a folder uploads every file under it.", completion: .file())
    var files: [String]

    @Option(help: "The bucket.")
    var bucket = "notas"

    @Option(help: "The object key (default: the file's name); only with a single file.")
    var key: String?

    @Flag(name: .customLong("no-wait"), help: "Return once the objects are stored; the dispatcher handles their events.")
    var noWait = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Missing expected argument '<files> ...'") }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: true)
            let single = files.count == 1 && !Self.isFolder(files[0])
            if key != nil && !single {
                throw ArgumentFailure(description: "--key names one object: give a single file")
            }
            let results: [Result<PutObjectResult, any Error>]
            if single {
                results = [.success(try engine.upload(file: URL(fileURLWithPath: files[0]), bucket: bucket, key: key))]
            } else {
                let (urls, keys) = try Self.expand(files)
                results = try engine.upload(files: urls, bucket: bucket, keys: keys)
            }
            var json: [JSONValue] = []
            var failed = false
            for result in results {
                let put: PutObjectResult
                switch result {
                case let .success(stored):
                    put = stored
                case let .failure(error):
                    failed = true
                    FileHandle.standardError.write(Data("esteira: \(TerminalText.sanitised(describe(error)))\n".utf8))
                    continue
                }
                let invocations = noWait ? [] : try await engine.settle(put.event)
                if global.json {
                    json.append(Self.json(put, invocations))
                } else {
                    printLines(put, invocations)
                }
            }
            if global.json {
                if single, let only = json.first { OutputFormatting.printJSON(only) } else { OutputFormatting.printJSON(.array(json)) }
            }
            if failed { throw ExitCode.failure }
        }
    }

    private func printLines(_ put: PutObjectResult, _ invocations: [InvocationRecord]) {
        let object = put.object
        print("uploaded s3://\(object.bucket)/\(TerminalText.sanitised(object.key.rawValue)) (\(OutputFormatting.size(object.size)), ETag \(object.eTag))")
        if !noWait && invocations.isEmpty && put.event.deliveryIDs.isEmpty {
            print("no notification rule matched: nothing was triggered")
        }
        for invocation in invocations where invocation.status.isFinal && invocation.status != .retrying {
            print(InvocationSummary.line(invocation))
        }
    }

    private static func json(_ put: PutObjectResult, _ invocations: [InvocationRecord]) -> JSONValue {
        let object = put.object
        return [
            "bucket": .string(object.bucket.rawValue), "key": .string(object.key.rawValue),
            "size": .number(Decimal(object.size)), "eTag": .string(object.eTag),
            "eventID": .number(Decimal(put.event.eventID)),
            "invocations": .array(invocations.map(InvocationSummary.json)),
        ]
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The files to upload and their keys: a file keeps its name; a folder gives every regular
    /// file under it, in path order, keyed by its path inside the folder.
    private static func expand(_ paths: [String]) throws -> ([URL], [String]) {
        var urls: [URL] = []
        var keys: [String] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            guard isFolder(path) else {
                urls.append(url)
                keys.append(url.lastPathComponent)
                continue
            }
            let base = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
                throw ArgumentFailure(description: "\(path): the folder cannot be read")
            }
            var found: [(URL, String)] = []
            for case let file as URL in walker
            where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let full = file.standardizedFileURL.resolvingSymlinksInPath().path
                found.append((file, String(full.dropFirst(base.count + 1))))
            }
            for (file, key) in found.sorted(by: { $0.1 < $1.1 }) {
                urls.append(file)
                keys.append(key)
            }
        }
        return (urls, keys)
    }
}
