import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A line on standard error while a command works without output: after a second of silence,
/// `backprop-tutor: working… 3 s (Ctrl-C stops)`, redrawn each second, erased before the
/// command writes anything.
///
/// Shown only when standard error is a terminal (someone is watching; logs and pipes stay
/// byte for byte the same on every run). It never writes once the command has written: the
/// command's first write to either stream stops it for good. `train` has its own progress
/// line and the interactive `demo` owns the screen, so neither gets one.
final class WorkIndicator: @unchecked Sendable {
    /// Guards the state below; its signal wakes the drawing thread at once on `stop()`.
    private let condition = NSCondition()
    private var isStopped = false
    private var hasFinished = false
    private var hasDrawn = false

    /// Starts the indicator for a run of `arguments`, or returns nil when it is not wanted.
    static func start(for arguments: [String]) -> WorkIndicator? {
        guard isatty(STDERR_FILENO) == 1, let command = arguments.first else { return nil }
        let interactiveDemo = command == "demo" && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        guard ["step", "lesson", "export", "trace", "check", "demo"].contains(command), !interactiveDemo else {
            return nil
        }
        let indicator = WorkIndicator()
        let thread = Thread { indicator.loop() }
        thread.stackSize = 1 << 16
        thread.start()
        return indicator
    }

    /// Erases the line if it was drawn and ends the indicator; later calls do nothing.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        guard !isStopped else { return }
        isStopped = true
        condition.signal()
        while !hasFinished { condition.wait() }
        if hasDrawn { Self.draw("\r\u{1B}[K") }
    }

    private func loop() {
        condition.lock()
        defer { condition.unlock() }
        let start = Date()
        var seconds = 1
        while !isStopped {
            // Sleeps until the next whole second of work, unless stop() wakes it first.
            let deadline = start.addingTimeInterval(Double(seconds))
            while !isStopped, Date() < deadline { _ = condition.wait(until: deadline) }
            guard !isStopped else { break }
            Self.draw("\r\u{1B}[Kbackprop-tutor: working… \(seconds) s (Ctrl-C stops)")
            hasDrawn = true
            seconds += 1
        }
        hasFinished = true
        condition.broadcast()
    }

    private static func draw(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

/// A sink that stops the work indicator before its first write.
final class IndicatedSink: TextSink {
    let base: any TextSink
    let indicator: WorkIndicator

    init(base: any TextSink, indicator: WorkIndicator) {
        self.base = base
        self.indicator = indicator
    }

    func write(_ text: String) throws(CLIError) {
        indicator.stop()
        try base.write(text)
    }
}
