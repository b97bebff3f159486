import Foundation
import GRDB

/// The on-failure lists: listing, re-driving and deleting failed events.
extension FunctionRuntime {
    /// Failed events, newest first, optionally of one function or one on-failure list.
    public func failures(functionName: String? = nil, destination: String? = nil) throws -> [FunctionFailure] {
        try database.writer.read { db in
            var request = FunctionFailure.all()
            if let functionName { request = request.filter(Column("functionName") == functionName) }
            if let destination { request = request.filter(Column("destination") == destination) }
            return try request.order(Column("id").desc).fetchAll(db)
        }
    }

    /// One failed event by id.
    public func failure(id: Int64) throws -> FunctionFailure {
        guard let failure = try database.writer.read({ db in try FunctionFailure.fetchOne(db, key: id) }) else {
            throw FunctionRuntimeError.failureNotFound(id: id)
        }
        return failure
    }

    /// Invokes the function again asynchronously with the failed event's payload and lineage, under
    /// a new request id with a fresh event age, after marking the failure re-driven (a failure is
    /// re-driven once; a new failure gets a new record).
    public func redrive(failureID: Int64) async throws -> InvocationOutcome {
        let requestID = Self.newRequestID()
        let (failure, deployment) = try await database.writer.write { db -> (FunctionFailure, Deployment) in
            guard var failure = try FunctionFailure.fetchOne(db, key: failureID) else {
                throw FunctionRuntimeError.failureNotFound(id: failureID)
            }
            let deployment = try self.deployment(named: failure.functionName)
            if let previous = failure.redriveRequestID {
                throw FunctionRuntimeError.failureAlreadyRedriven(id: failureID, requestID: previous)
            }
            failure.redrivenAt = Date()
            failure.redriveRequestID = requestID
            try failure.update(db)
            return (failure, deployment)
        }
        return try await invokeAsync(
            deployment: deployment, requestID: requestID,
            payload: failure.requestPayload, lineage: failure.lineage, deliveryID: failure.deliveryID,
            eventTime: Date())
    }

    /// Removes a failed event from its on-failure list.
    public func deleteFailure(id: Int64) throws {
        let deleted = try database.writer.write { db in try FunctionFailure.deleteOne(db, key: id) }
        if !deleted { throw FunctionRuntimeError.failureNotFound(id: id) }
    }
}
