#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The path of the temporary file being written, for the signal handler; `nil` when none.
///
/// Read by a signal handler, so it holds only a C string allocated before the handler can
/// run; the handler calls nothing but `unlink`, `signal` and `raise`.
nonisolated(unsafe) private var pendingPath: UnsafeMutablePointer<CChar>?

/// Removes an unfinished temporary file when a signal ends the process (`signals`).
///
/// `OutputFile` writes through a temporary file; without this, an interrupt between creating
/// it and renaming it into place leaves a hidden `.backprop-tutor-XXXXXX` file behind. While
/// a temporary file is pending, these signals unlink it, then end the process with the same
/// signal (default action), so the shell still sees "interrupted" (exit status 130 for ^C).
enum TemporaryFileCleanup {
    /// The signals that end a process and can be caught: those a user sends on purpose (also
    /// Ctrl-\ and the user signals), a timer's SIGALRM and a CPU limit's SIGXCPU. SIGXFSZ is
    /// ignored instead (`CommandIO.standard()`), so a file-size limit fails the write with
    /// EFBIG and the ordinary error path removes the file. Only SIGKILL cannot be caught.
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU]

    /// A writable copy of `template` (ending in `XXXXXX`, for `mkstemp`) that the handler
    /// will unlink from now until `disarm()`; the handlers are installed if they are not yet.
    ///
    /// The buffer is registered before `mkstemp` fills it in, so there is no moment when the
    /// file exists and the handler does not know its name.
    static func arm(template: String) -> UnsafeMutablePointer<CChar> {
        let bytes = Array(template.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        installHandlers()
        pendingPath = buffer
        return buffer
    }

    /// Stops watching `buffer` (the file was renamed into place or removed) and frees it.
    static func disarm(_ buffer: UnsafeMutablePointer<CChar>) {
        pendingPath = nil
        buffer.deallocate()
    }

    private nonisolated(unsafe) static var isInstalled = false

    private static func installHandlers() {
        guard !isInstalled else { return }
        isInstalled = true
        // A process started from a thread that blocks signals (libdispatch's workers do)
        // inherits the mask; unblock these, or a ^C would wait until the write is done.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in signals { sigaddset(&unblocked, signalNumber) }
        _ = sigprocmask(SIG_UNBLOCK, &unblocked, nil)
        for signalNumber in signals {
            // Keep an ignored signal ignored (a shell's background job ignores SIGINT).
            let previous = signal(signalNumber, handleSignal)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = signal(signalNumber, SIG_IGN)
            }
        }
    }
}

/// Unlinks the pending temporary file, then dies of `signalNumber` as if unhandled.
private func handleSignal(_ signalNumber: Int32) {
    if let path = pendingPath { _ = unlink(path) }
    _ = signal(signalNumber, SIG_DFL)
    _ = raise(signalNumber)
}
