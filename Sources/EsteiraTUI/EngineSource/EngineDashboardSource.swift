import EsteiraCore
import EsteiraInvoices
import EsteiraTables
import Foundation

/// The dashboard's view of a running engine: snapshots read from its public API, and the
/// dashboard's commands (upload, query) carried out through it.
public final class EngineDashboardSource: DashboardSource {
    private let engine: Engine
    private let monitor: ChangeMonitor
    private let invocations = RecentInvocations()
    private let objectBadges = ObjectBadges()
    private let events = RecentEvents()
    private let listedObjects = UnchangedReads<[ObjectSummary]>()
    private let listedEvents = UnchangedReads<[EventSummary]>()
    private let listedInvocations = UnchangedReads<[InvocationSummary]>()
    private let listedRows = UnchangedReads<[TableRow]>()
    /// The most objects listed in the bucket pane, and rows gathered for one look-up.
    private let objectLimit = 5_000
    private let queryRowLimit = 5_000

    /// `changes` watches the engine's database; the dispatcher of the same process may share it.
    public init(engine: Engine, changes: ChangeMonitor) {
        self.engine = engine
        monitor = changes
    }

    public func changeToken() async throws -> Int64 { try monitor.token() }

    public func buckets() async throws -> [String] {
        try engine.objects.listBuckets().map(\.name.rawValue)
    }

    public func objects(bucket: String) async throws -> [ObjectSummary] {
        let name = try BucketName(bucket)
        let listing = try engine.objects.listObjects(bucket: name, maxKeys: objectLimit)
        let badges = try objectBadges.badges(of: listing.objects, bucket: name, engine: engine)
        return listedObjects.reuse(zip(listing.objects, badges).map { object, badge in
            ObjectSummary(key: object.key.rawValue, size: object.size, lastModified: object.lastModified, badge: badge)
        })
    }

    static func badge(_ state: ProcessingState) -> ProcessingBadge {
        switch state {
        case .untouched: return .none
        case .pending: return .pending
        case .failed: return .rejected
        case let .processed(status, _, result):
            let accepted = Self.integer(result?["accepted"])
            switch status {
            case "accepted": return .accepted(rows: accepted)
            case "partial": return .partial(accepted: accepted, total: Self.integer(result?["rows"]))
            case "rejected": return .rejected
            default: return .none
            }
        }
    }

    private static func integer(_ value: JSONValue?) -> Int {
        if case let .number(number)? = value { return NSDecimalNumber(decimal: number).intValue }
        return 0
    }

    public func recentEvents(limit: Int) async throws -> [EventSummary] {
        listedEvents.reuse(try events.read(from: engine.outbox, limit: limit, summary: Self.summary))
    }

    static func summary(_ entry: EventLogEntry) -> EventSummary {
        EventSummary(
            id: "\(entry.id)", time: entry.time, name: entry.eventName, bucket: entry.bucket.rawValue,
            key: entry.key?.rawValue ?? "",
            target: entry.deliveries.map { "\($0.ruleID ?? "test") → \($0.functionName)" }.joined(separator: ", "),
            note: entry.deliveries.isEmpty ? "no rule matched"
                : entry.deliveries.map { delivery in
                    delivery.note.map { "\(delivery.state.rawValue): \($0)" } ?? delivery.state.rawValue
                }.joined(separator: ", "))
    }

    public func recentInvocations(limit: Int) async throws -> [InvocationSummary] {
        listedInvocations.reuse(try invocations.read(from: engine.functions, limit: limit).map { record in
            InvocationSummary(
                function: record.functionName, requestID: record.requestID, time: record.startedAt,
                status: Self.status(record), durationMilliseconds: Int((record.durationMilliseconds ?? 0).rounded()),
                summary: record.summary ?? record.errorMessage.map { "\(record.errorType ?? "Error"): \($0)" } ?? "")
        })
    }

    public func eventCount() async throws -> Int { try engine.outbox.eventCount() }

    public func invocationCount() async throws -> Int { try engine.functions.invocationCount() }

    static func status(_ record: InvocationHeadline) -> EsteiraTUI.InvocationStatus {
        switch record.status {
        case .running: return .running
        case .succeeded: return .ok
        case .failed: return .error
        case .timedOut: return .timedOut
        case .throttled: return .throttled
        case .retrying: return record.timedOut ? .timedOut : .retrying(attempt: record.attempt, of: record.maximumAttempts - 1)
        case .sentToOnFailure, .eventAgeExceeded, .recursionStopped: return .sentToOnFailure
        }
    }

    /// The pipeline's tables in the order the pipeline file declares them, then any others.
    public func tables() async throws -> [String] {
        let declared = engine.pipeline.tables.map(\.name)
        let stored = try engine.tables.listTables()
        return declared.filter(stored.contains) + stored.filter { !declared.contains($0) }
    }

    public func rowCount(table: String) async throws -> Int { try engine.tables.itemCount(table: table) }

    public func rows(table: String, offset: Int, limit: Int) async throws -> [TableRow] {
        listedRows.reuse(try engine.tables.items(table: table, offset: offset, limit: limit).map { item in
            TableRow(values: item.filter { !InvoiceAttributes.bookkeeping.contains($0.key) }.mapValues(\.plainText),
                     dynamoJSON: String(decoding: AttributeValue.encodeItem(item), as: UTF8.self))
        })
    }

    public func details(for subject: DetailsSubject) async throws -> DetailsDocument {
        switch subject {
        case let .object(bucket, key): return try objectDetails(bucket: bucket, key: key)
        case let .event(id): return try eventDetails(id: id)
        case let .invocation(requestID): return try invocationDetails(requestID: requestID)
        }
    }

    private func objectDetails(bucket: String, key: String) throws -> DetailsDocument {
        let stored = try engine.objects.getObject(bucket: BucketName(bucket), key: ObjectKey(key))
        let metadata = stored.metadata
        var info = """
            Size:          \(metadata.size) bytes
            ETag:          \(metadata.eTag)
            Last modified: \(metadata.lastModified.formatted(.iso8601))
            Content type:  \(metadata.contentType)
            """
        for (name, value) in metadata.userMetadata.sorted(by: { $0.key < $1.key }) { info += "\nx-amz-meta-\(name): \(value)" }
        var sections = [DetailsSection(heading: "Object", text: info)]
        let state = try engine.processingState(bucket: metadata.bucket, key: metadata.key, eTag: metadata.eTag)
        var processing = "Status: \(state.label)"
        if case let .processed(_, summary, result) = state {
            if let summary { processing += "\nSummary: \(summary)" }
            if let uri = result?["report"]?.stringValue, let report = try? reportText(uri) {
                processing += "\n\nReport (\(uri)):\n\(report)"
            }
        }
        sections.append(DetailsSection(heading: "Processing", text: processing))
        let handle = try stored.openForReading()
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 4_096) ?? Data()
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(40)
        sections.append(DetailsSection(heading: "First lines", text: lines.joined(separator: "\n")))
        return DetailsDocument(title: "s3://\(bucket)/\(key)", sections: sections)
    }

    /// The JSON text of a report object named by an `s3://bucket/key` URI, pretty-printed.
    private func reportText(_ uri: String) throws -> String {
        let path = uri.hasPrefix("s3://") ? String(uri.dropFirst(5)) : uri
        guard let slash = path.firstIndex(of: "/") else { return "" }
        let data = try engine.objects.data(bucket: BucketName(String(path[..<slash])),
                                           key: ObjectKey(String(path[path.index(after: slash)...])))
        return (try? JSONValue(parsing: data).encodedString(pretty: true)) ?? String(decoding: data, as: UTF8.self)
    }

    private func eventDetails(id: String) throws -> DetailsDocument {
        guard let number = Int64(id), let entry = try engine.outbox.event(id: number) else {
            return DetailsDocument(title: "Event \(id)", sections: [DetailsSection(heading: "Event", text: "no such event")])
        }
        let deliveries = entry.deliveries.map { delivery in
            "\(delivery.ruleID ?? "test") → \(delivery.functionName): \(delivery.state.rawValue)"
                + (delivery.note.map { " (\($0))" } ?? "") + " · hop \(delivery.lineage.hop)"
        }
        return DetailsDocument(title: "\(entry.eventName) \(entry.key?.rawValue ?? entry.bucket.rawValue)", sections: [
            DetailsSection(heading: "Message", text: entry.message.encodedString(pretty: true)),
            DetailsSection(heading: "Deliveries", text: deliveries.isEmpty ? "no rule matched" : deliveries.joined(separator: "\n")),
        ])
    }

    private func invocationDetails(requestID: String) throws -> DetailsDocument {
        let attempts = try engine.functions.invocation(requestID: requestID)
        guard let last = attempts.last else {
            return DetailsDocument(title: requestID, sections: [DetailsSection(heading: "Invocation", text: "no such invocation")])
        }
        var sections = [
            DetailsSection(heading: "Invocation", text: """
                Function: \(last.functionName) (\(last.invocationType.rawValue))
                Status:   \(last.statusLabel), attempt \(last.attempt) of \(last.maximumAttempts)
                """),
            DetailsSection(heading: "Log", text: attempts.map(\.log).joined()),
            DetailsSection(heading: "Event", text: last.payload.encodedString(pretty: true)),
        ]
        if let response = last.response {
            sections.append(DetailsSection(heading: last.errorType == nil ? "Result" : "Error", text: response.encodedString(pretty: true)))
        } else if let message = last.errorMessage {
            sections.append(DetailsSection(heading: "Error", text: "\(last.errorType ?? "Error"): \(message)"))
        }
        return DetailsDocument(title: "\(last.functionName) \(requestID)", sections: sections)
    }

    public func upload(path: String, key: String?, bucket: String?) async throws -> String {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let put = try engine.upload(file: url, bucket: bucket ?? "notas", key: key)
        let triggered = put.event.deliveryIDs.isEmpty ? "no rule matched" : "processing…"
        return "uploaded s3://\(put.object.bucket)/\(put.object.key) (\(put.object.size) bytes): \(triggered)"
    }

    public func query(_ text: String) async throws -> QueryResult {
        guard let payload = try InvoiceQueryText.payload(text).objectValue else { return QueryResult(columns: [], rows: [], count: 0, totalValor: "0") }
        let lookup: InvoiceLookup.Result
        do {
            lookup = try await InvoiceLookup.run(payload, through: engine.functions, maximumItems: queryRowLimit)
        } catch let failure as InvoiceLookup.Failure {
            throw InvoiceQueryTextError(failure.error.errorMessage)
        }
        let rows = lookup.items.map { ($0.objectValue ?? [:]).mapValues(\.plainText) }
        return QueryResult(columns: ["numero", "serie", "data", "valor", "nome", "documento", "source-key"],
                           rows: rows, count: rows.count, totalValor: "\(lookup.totalValor)")
    }
}
