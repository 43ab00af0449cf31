#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set by the SIGINT handler while `InterruptFlag.watch` runs; read by the work loop.
nonisolated(unsafe) private var interruptCount: sig_atomic_t = 0

/// Ctrl-C as a request to stop cleanly: while `watch` runs, the first SIGINT only sets a flag
/// that the work loop polls (`isRaised`), so `train` can finish its summary; a second SIGINT
/// ends the process at once, as Ctrl-C normally does. The previous handler is restored after.
enum InterruptFlag {
    /// Whether SIGINT arrived since `watch` began.
    static var isRaised: Bool { interruptCount > 0 }

    /// Runs `body` with the handler installed, then puts the previous handler back.
    static func watch<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        interruptCount = 0
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        _ = sigprocmask(SIG_UNBLOCK, &unblocked, nil)
        let previous = signal(SIGINT, handleInterrupt)
        defer {
            _ = signal(SIGINT, previous)
            interruptCount = 0
        }
        return try body()
    }
}

/// First SIGINT: raise the flag. Second: die of SIGINT (default action).
private func handleInterrupt(_ signalNumber: Int32) {
    if interruptCount > 0 {
        _ = signal(signalNumber, SIG_DFL)
        _ = raise(signalNumber)
        return
    }
    interruptCount = 1
}
