import Foundation
import GRDB

/// Reading invocation records and logs.
extension FunctionRuntime {
    /// Invocation attempts, newest first, optionally of one function. `beforeID` pages back
    /// (records older than that id); `afterID` follows new records and returns them oldest first.
    public func invocations(
        functionName: String? = nil, limit: Int = 50, beforeID: Int64? = nil, afterID: Int64? = nil
    ) throws -> [InvocationRecord] {
        try database.writer.read { db in
            var request = InvocationRecord.all()
            if let functionName { request = request.filter(Column("functionName") == functionName) }
            if let beforeID { request = request.filter(Column("id") < beforeID) }
            if let afterID {
                request = request.filter(Column("id") > afterID).order(Column("id").asc)
            } else {
                request = request.order(Column("id").desc)
            }
            return try request.limit(max(0, limit)).fetchAll(db)
        }
    }

    /// How many invocation attempts are recorded, across all functions.
    public func invocationCount() throws -> Int {
        try database.writer.read { db in try InvocationRecord.fetchCount(db) }
    }

    /// Invocation attempts without their documents, newest first: the `limit` newest, or with
    /// `afterID` only those newer than it, plus the attempts `refreshing` names whatever their id
    /// (e.g. ones seen running, to see them end). A list that follows new attempts reads only
    /// what changed this way.
    public func invocationHeadlines(limit: Int, afterID: Int64? = nil, refreshing: [Int64] = []) throws -> [InvocationHeadline] {
        try database.writer.read { db in
            var filter = ""
            var arguments: StatementArguments = []
            if let afterID {
                filter = "WHERE id > ?"
                arguments += [afterID]
                if !refreshing.isEmpty {
                    filter += " OR id IN (\(refreshing.map { _ in "?" }.joined(separator: ",")))"
                    arguments += StatementArguments(refreshing)
                }
            }
            arguments += [max(0, limit)]
            return try Row.fetchAll(db, sql: """
                SELECT \(InvocationHeadline.columns) FROM \(InvocationRecord.databaseTableName) \(filter)
                ORDER BY id DESC LIMIT ?
                """, arguments: arguments).map(InvocationHeadline.init(row:))
        }
    }

    /// Every attempt of one request, in attempt order (empty if the id is unknown).
    public func invocation(requestID: String) throws -> [InvocationRecord] {
        try database.writer.read { db in
            try InvocationRecord.filter(Column("requestID") == requestID)
                .order(Column("attempt"), Column("id")).fetchAll(db)
        }
    }

    /// The log of a request: every attempt's START … REPORT lines in order; nil if unknown.
    public func log(requestID: String) throws -> String? {
        let attempts = try invocation(requestID: requestID)
        return attempts.isEmpty ? nil : attempts.map(\.log).joined()
    }
}
