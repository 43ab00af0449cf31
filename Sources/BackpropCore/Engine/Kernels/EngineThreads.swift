import Dispatch
import Foundation

/// How many threads the engine's kernels use.
///
/// Work is always cut into the same fixed-size chunks, and every output number is computed by
/// exactly one chunk in one fixed order, so the results are the same bytes whatever the count:
/// threads only decide who computes which chunk. The count is `BACKPROP_THREADS` from the
/// environment when it is a whole number ≥ 1, else the number of active processors; a task
/// can override it with `EngineThreads.$override.withValue(1) { … }` (the determinism tests
/// compare one thread with two that way).
public enum EngineThreads {
    /// A per-task override of the thread count (`nil`: the environment's or the machine's).
    @TaskLocal public static var override: Int?

    /// The count read once from `BACKPROP_THREADS`, else the active processor count.
    static let configured: Int = {
        if let text = ProcessInfo.processInfo.environment["BACKPROP_THREADS"], let value = Int(text), value >= 1 {
            return value
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// The number of threads the kernels use now (at least 1).
    public static var count: Int { max(1, override ?? configured) }

    /// Below this many multiply-adds a kernel runs on the calling thread: a small network's
    /// epoch takes microseconds, less than waking a second thread.
    static let parallelThreshold = 200_000

    /// Runs `body(chunk)` for every chunk in `0..<chunkCount`, on up to `count` threads when
    /// `work` (multiply-adds, or a like measure) is at least `parallelThreshold`.
    ///
    /// Thread t takes chunks t, t + T, t + 2T, … (T threads). Each chunk must write only its own
    /// outputs; the order in which chunks run then cannot change any result.
    static func forEachChunk(_ chunkCount: Int, work: Int, _ body: (Int) -> Void) {
        let threads = work >= parallelThreshold ? min(count, chunkCount) : 1
        guard threads > 1 else {
            for chunk in 0..<chunkCount { body(chunk) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for chunk in stride(from: thread, to: chunkCount, by: threads) { box.value(chunk) }
            }
        }
    }
}

/// A value handed to worker threads that only touch disjoint parts of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The wrapped value.
    let value: Value

    /// Wraps `value`.
    init(_ value: Value) { self.value = value }
}
