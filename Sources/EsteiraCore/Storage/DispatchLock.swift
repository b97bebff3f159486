import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that makes exactly one process the dispatcher of a data directory's events.
///
/// It is an advisory `flock` on `dispatch.lock`: the kernel releases it when the holder exits,
/// even by SIGKILL, so a crashed dispatcher never leaves the directory stuck.
public final class DispatchLock: @unchecked Sendable {
    // The descriptor is written once in `tryAcquire` and read in `release`, both under `mutex`.
    private let mutex = NSLock()
    private var descriptor: Int32 = -1
    private let path: String

    public init(url: URL) {
        self.path = url.path
    }

    deinit { release() }

    /// Takes the lock if no other process holds it; returns whether this process now holds it.
    public func tryAcquire() -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        if descriptor >= 0 { return true }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            descriptor = fd
            return true
        }
        close(fd)
        return false
    }

    /// Whether this process holds the lock.
    public var isHeld: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return descriptor >= 0
    }

    /// Gives the lock up, letting another process dispatch.
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
