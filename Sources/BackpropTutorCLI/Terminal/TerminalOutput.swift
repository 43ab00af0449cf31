#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to the terminal on standard output, whole: a frame goes out in as few `write`
/// calls as the terminal accepts, so it never shows half-drawn.
enum TerminalOutput {
    /// Writes `text`; gives up silently when the terminal is gone (the read loop then sees
    /// the end of input and the demo ends).
    static func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(STDOUT_FILENO, base + offset, buffer.count - offset)
            }
            if written < 0, errno == EINTR || errno == EAGAIN { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
