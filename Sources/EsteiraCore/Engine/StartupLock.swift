import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serialises engine start-up across the processes sharing a data directory: creating the
/// database, running its migrations and applying the pipeline happen under an exclusive `flock`
/// on `startup.lock`, so two processes starting at once on a fresh directory never race to create
/// the same tables. The kernel releases the lock when its holder exits, even by SIGKILL.
enum StartupLock {
    /// Runs `body` while holding the directory's start-up lock, waiting for another process's
    /// start-up to finish first.
    static func run<T>(in directory: DataDirectory, _ body: () throws -> T) throws -> T {
        let path = directory.url.appendingPathComponent("startup.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw EngineError.dataDirectory(path: path, reason: String(cString: strerror(errno)))
        }
        // Closing the descriptor releases the lock.
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw EngineError.dataDirectory(path: path, reason: String(cString: strerror(errno)))
            }
        }
        return try body()
    }
}
