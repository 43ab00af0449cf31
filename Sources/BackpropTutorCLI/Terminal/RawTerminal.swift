#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal settings before `RawTerminal.enter()`, for the restore paths (signal
/// handlers, `atexit`). Globals, because a C signal handler can capture nothing.
nonisolated(unsafe) private var savedSettings = termios()
/// 1 while the terminal is raw and full-screen, so restoring happens once.
nonisolated(unsafe) private var isRaw: sig_atomic_t = 0
/// Whether the handlers and the `atexit` hook are installed (once per process).
nonisolated(unsafe) private var areHandlersInstalled = false

/// Restores the saved settings and the main screen if the terminal is raw; only
/// async-signal-safe calls (`write`, `tcsetattr`), so signal handlers may call it.
private func restoreTerminalIfRaw() {
    guard isRaw == 1 else { return }
    isRaw = 0
    let sequence = TerminalSequence.leaveFullScreen
    _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
}

/// Restores the terminal, then lets the signal do what it does by default (stop the
/// process, or crash it with its usual report and exit status).
private func restoreAndReraise(_ signalNumber: Int32) {
    restoreTerminalIfRaw()
    _ = signal(signalNumber, SIG_DFL)
    _ = raise(signalNumber)
}

/// 1 once the process has been continued (SIGCONT) after a stop, until the demo's loop takes it.
nonisolated(unsafe) private var hasContinued: sig_atomic_t = 0

/// Ctrl-Z (SIGTSTP): restores the terminal, then stops the process as the default action
/// would; when it is continued, the handler is put back for the next Ctrl-Z. The demo's loop
/// sees `hasContinued` and takes raw mode and the full screen back.
private func restoreAndStop(_ signalNumber: Int32) {
    restoreTerminalIfRaw()
    _ = signal(SIGTSTP, SIG_DFL)
    // SIGTSTP is blocked while its handler runs; unblock it so the raise stops us here.
    var stop = sigset_t()
    sigemptyset(&stop)
    sigaddset(&stop, SIGTSTP)
    _ = pthread_sigmask(SIG_UNBLOCK, &stop, nil)
    _ = raise(SIGTSTP)
    _ = signal(SIGTSTP) { restoreAndStop($0) }
}

/// Raw mode and the full screen for an interactive command, on standard input and output.
///
/// `enter()` saves the terminal's settings, turns off echo, line editing, signals from keys
/// (Ctrl-C arrives as byte 3) and output post-processing (lines must end in `\r\n`), and
/// switches to the alternate screen with the cursor hidden. `leave()` undoes all of it. The
/// undo also runs on `exit` (`atexit`), on SIGINT, SIGTERM, SIGHUP and SIGQUIT, and on the
/// crash signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT), after which the signal
/// takes its default course, so a learner's terminal is never left raw. Ctrl-Z (SIGTSTP)
/// undoes it too before the process stops; after `fg` (SIGCONT) `resumeIfContinued()` does
/// it again. Only SIGKILL leaves the terminal as it was (README: type `reset`).
enum RawTerminal {
    /// The signals after which the terminal is restored before the process ends.
    static let restoringSignals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT,
    ]

    /// Saves the settings and enters raw mode and the full screen; false (and nothing
    /// changed) when standard input's settings cannot be read or set.
    static func enter() -> Bool {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return false }
        savedSettings = settings
        if !areHandlersInstalled {
            areHandlersInstalled = true
            atexit { restoreTerminalIfRaw() }
            for signalNumber in restoringSignals {
                _ = signal(signalNumber) { restoreAndReraise($0) }
            }
            // Keep Ctrl-Z ignored if it was (a shell without job control); else suspend cleanly.
            let previous = signal(SIGTSTP) { restoreAndStop($0) }
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = signal(SIGTSTP, SIG_IGN)
            }
            _ = signal(SIGCONT) { _ in hasContinued = 1 }
        }
        // A parent may have started us with signals blocked (the mask is inherited); then
        // neither SIGTERM nor a resize would ever reach the handlers.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in restoringSignals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&unblocked, signalNumber) }
        _ = pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        return enterRaw()
    }

    /// Raw mode (from the settings saved by `enter()`) and the full screen.
    private static func enterRaw() -> Bool {
        var raw = savedSettings
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_oflag &= ~tcflag_t(OPOST)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        isRaw = 1
        // TCSANOW, not TCSAFLUSH: keys typed while a large lesson loaded (`3` Enter, say) are
        // kept and acted on once the demo starts (classroom review F10).
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else {
            isRaw = 0
            return false
        }
        TerminalOutput.send(TerminalSequence.enterFullScreen)
        return true
    }

    /// Whether the process was continued after a stop (Ctrl-Z then `fg`, or SIGSTOP then
    /// SIGCONT) since the last call; if so, raw mode and the full screen are taken back (the
    /// shell set its own terminal modes meanwhile) and the caller redraws the whole frame.
    static func resumeIfContinued() -> Bool {
        guard hasContinued == 1 else { return false }
        hasContinued = 0
        _ = enterRaw()
        return true
    }

    /// Leaves the full screen and restores the saved settings (again only if still raw).
    static func leave() {
        restoreTerminalIfRaw()
    }
}
