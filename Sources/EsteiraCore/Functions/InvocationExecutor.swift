import Dispatch

/// Runs one invocation's handler (and its timer) on a thread of its own rather than on Swift's
/// cooperative pool, which has one thread per core.
///
/// A handler that computes for a long time without suspending — validating a million rows — would
/// otherwise hold a pool thread for as long, and on a two-core machine two such loads would stop
/// every timer, the dispatcher and the dashboard's refreshes. The executor's serial queue gets a
/// thread of the system's overcommitting pool when it has work, whatever the cooperative pool is doing.
final class InvocationExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
