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
