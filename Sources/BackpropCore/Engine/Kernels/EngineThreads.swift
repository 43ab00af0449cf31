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
    /// Each thread takes the next chunk nobody has taken yet, so a thread slowed by other work
    /// on the machine takes fewer. Each chunk must write only its own outputs; which thread
    /// runs it, and when, then cannot change any result.
    static func forEachChunk(_ chunkCount: Int, work: Int, _ body: (Int) -> Void) {
        let threads = work >= parallelThreshold ? min(count, chunkCount) : 1
        guard threads > 1 else {
            for chunk in 0..<chunkCount { body(chunk) }
            return
        }
        let next = ChunkCounter()
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let chunk = next.take(below: chunkCount) { box.value(chunk) }
            }
        }
    }
}

/// The next chunk index to hand out, shared by the threads of one `forEachChunk`.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    /// The next untaken index below `limit`, or nil when all are taken.
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// A value handed to worker threads that only touch disjoint parts of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The wrapped value.
    let value: Value

    /// Wraps `value`.
    init(_ value: Value) { self.value = value }
}
