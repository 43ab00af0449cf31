#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Musl)
    import Musl
    private let systemWrite = Musl.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Writes to a file descriptor with `write(2)`, unbuffered, so text appears as it is produced.
///
/// Interrupted writes (EINTR) are retried and partial writes continued. Any other failure (a
/// closed pipe gives EPIPE once SIGPIPE is ignored, a full disk ENOSPC) throws
/// `CLIError.streamWrite` naming the stream.
public final class FileDescriptorSink: TextSink {
    /// The descriptor written to.
    public let descriptor: Int32
    /// The stream's name in error messages, e.g. `standard output`.
    public let name: String

    /// A sink for `descriptor`, called `name` in messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Writes every byte of `text`, retrying on EINTR and continuing partial writes.
    public func write(_ text: String) throws(CLIError) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                let code = written < 0 ? errno : EIO
                let reason = String(cString: strerror(code))
                throw .streamWrite(stream: name, reason: reason.prefix(1).lowercased() + reason.dropFirst())
            }
        }
    }
}
