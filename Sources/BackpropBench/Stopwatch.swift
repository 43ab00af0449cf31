import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall-clock medians, in this process or in a child process.
enum Stopwatch {
    /// The median wall time of `body`, in seconds: runs it `warmups` times unmeasured, then
    /// until both `minimumRuns` runs and `budget` seconds are done.
    static func median(warmups: Int = 1, minimumRuns: Int = 5, budget: Double = 1, _ body: () -> Void) -> (
        seconds: Double, runs: Int
    ) {
        for _ in 0..<warmups { body() }
        let clock = ContinuousClock()
        var times: [Double] = []
        let start = clock.now
        while times.count < minimumRuns || seconds(clock.now - start) < budget {
            let before = clock.now
            body()
            times.append(seconds(clock.now - before))
        }
        return (medianOf(times), times.count)
    }

    /// One child process's wall time and peak resident memory.
    struct ChildRun {
        /// Seconds from spawn to exit.
        var seconds: Double
        /// User plus system CPU seconds.
        var cpuSeconds: Double
        /// Peak resident set size, in bytes, as the child reported it (VmHWM), else 0.
        var peakBytes: Int
        /// The exit status as `waitpid` reports it.
        var status: Int32
    }

    /// Runs `arguments[0]` with the rest as its arguments, standard output to /dev/null, and
    /// measures it.
    static func runChild(_ arguments: [String]) -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            return ChildRun(seconds: .nan, cpuSeconds: .nan, peakBytes: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = seconds(clock.now - start)
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) * 1e-6
        // "VmHWM:   123456 kB", written by the child (`--run-command PEAKFILE …`).
        var peak = 0
        if let index = arguments.firstIndex(of: "--run-command"), index + 1 < arguments.count,
            let text = try? String(contentsOfFile: arguments[index + 1], encoding: .utf8),
            let kilobytes = text.split(separator: " ").compactMap({ Int($0) }).first
        {
            peak = kilobytes * 1024
        }
        return ChildRun(seconds: elapsed, cpuSeconds: cpu, peakBytes: peak, status: status)
    }

    /// The median of `runs` child runs (after one warm-up): wall time and the largest peak.
    static func medianChild(_ arguments: [String], runs: Int) -> ChildRun {
        _ = runChild(arguments)
        let all = (0..<runs).map { _ in runChild(arguments) }
        return ChildRun(
            seconds: medianOf(all.map(\.seconds)), cpuSeconds: medianOf(all.map(\.cpuSeconds)),
            peakBytes: all.map(\.peakBytes).max() ?? 0, status: all.first?.status ?? -1)
    }

    /// The median of a non-empty list (the mean of the middle two for an even count).
    static func medianOf(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// "12.3 ms", "4.5 µs", "1.23 s".
    static func format(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f µs", seconds * 1e6)
    }
}
