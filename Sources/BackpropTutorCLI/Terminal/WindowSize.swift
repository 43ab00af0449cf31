import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set by the SIGWINCH handler, cleared by `WindowSize.takeResize()`.
nonisolated(unsafe) private var hasResized: sig_atomic_t = 0

/// The terminal's size in character cells, and whether it changed.
struct WindowSize: Equatable, Sendable {
    /// Columns.
    var columns: Int
    /// Rows.
    var rows: Int

    /// The size standard output's terminal reports (TIOCGWINSZ); a fresh pseudo-terminal
    /// reports 0 × 0, so then `COLUMNS` and `LINES`, then 80 × 24.
    static func current() -> WindowSize {
        var size = winsize()
        #if os(Linux)
            let request = UInt(TIOCGWINSZ)
        #else
            let request = TIOCGWINSZ
        #endif
        if ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return WindowSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
        }
        let environment = ProcessInfo.processInfo.environment
        func positive(_ name: String) -> Int? { environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        return WindowSize(columns: positive("COLUMNS") ?? 80, rows: positive("LINES") ?? 24)
    }

    /// Starts noting window resizes (SIGWINCH); the handler only sets a flag.
    static func watchResizes() {
        _ = signal(SIGWINCH) { _ in hasResized = 1 }
    }

    /// Whether the window was resized since the last call.
    static func takeResize() -> Bool {
        guard hasResized == 1 else { return false }
        hasResized = 0
        return true
    }
}
