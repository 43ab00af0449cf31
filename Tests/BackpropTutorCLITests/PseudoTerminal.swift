import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if os(Linux)
    // Glibc's Swift module leaves out the XSI pseudo-terminal calls (they need _XOPEN_SOURCE
    // in C); they are in libc all the same.
    private func libcFunction<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
    private let openController = libcFunction("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)!
    private let grantAccess = libcFunction("grantpt", as: (@convention(c) (Int32) -> Int32).self)!
    private let unlock = libcFunction("unlockpt", as: (@convention(c) (Int32) -> Int32).self)!
    private let terminalName = libcFunction(
        "ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)!
#else
    private let openController = posix_openpt
    private let grantAccess = grantpt
    private let unlock = unlockpt
    private let terminalName = ptsname
#endif

/// A pseudo-terminal for driving the built binary as a learner would: the child gets the
/// terminal side as stdin, stdout and stderr; the test types into the other side and reads
/// what the child draws. Every wait has a timeout, so a test cannot hang.
final class PseudoTerminal {
    /// The side the test reads and writes.
    let controller: Int32
    /// The terminal side the child is given (kept open here, so its settings can be read
    /// before and after the child runs).
    let terminal: Int32
    /// Everything the child has written so far.
    private(set) var output: [UInt8] = []
    /// The running child.
    private var process: Process?

    /// A new pseudo-terminal of `columns` × `rows`.
    init(columns: Int, rows: Int) throws {
        controller = openController(O_RDWR | O_NOCTTY)
        guard controller >= 0, grantAccess(controller) == 0, unlock(controller) == 0,
            let name = terminalName(controller)
        else {
            throw Failure("cannot open a pseudo-terminal: errno \(errno)")
        }
        terminal = open(name, O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw Failure("cannot open \(String(cString: name)): errno \(errno)") }
        resize(columns: columns, rows: rows)
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(terminal)
        close(controller)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Sets the window size the child reads with TIOCGWINSZ.
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        #if os(Linux)
            _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
        #else
            _ = ioctl(controller, TIOCSWINSZ, &size)
        #endif
    }

    /// The terminal's settings now.
    func settings() -> termios {
        var settings = termios()
        _ = tcgetattr(terminal, &settings)
        return settings
    }

    /// Starts `binary` with `arguments` on the terminal (through `sh`, to switch off core
    /// files for the crash test); `standardOutput` replaces the terminal as stdout if given.
    func start(_ binary: URL, _ arguments: [String], standardOutput: Any? = nil, environment: [String: String] = [:])
        throws
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -c 0; exec \"$0\" \"$@\"", binary.path] + arguments
        var variables = ProcessInfo.processInfo.environment
        variables["NO_COLOR"] = nil
        variables["TERM"] = "xterm-256color"
        variables.merge(environment) { $1 }
        process.environment = variables
        let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = standardOutput ?? handle
        process.standardError = handle
        try process.run()
        self.process = process
    }

    /// The child's process id.
    var processIdentifier: Int32 { process?.processIdentifier ?? 0 }

    /// Types `text`.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// The output as text, from byte `offset` on.
    func text(from offset: Int = 0) -> String {
        String(decoding: output[min(offset, output.count)...], as: UTF8.self)
    }

    /// Reads what the child wrote within `milliseconds`.
    private func drain(milliseconds: Int32) {
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while poll(&descriptor, 1, milliseconds) > 0 {
            let count = read(controller, &buffer, buffer.count)
            guard count > 0 else { return }
            output += buffer[0..<count]
        }
    }

    /// Waits until the output after `offset` contains `needle`; false after `timeout` s.
    func wait(for needle: String, after offset: Int, timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if text(from: offset).contains(needle) { return true }
            drain(milliseconds: 50)
        }
        return text(from: offset).contains(needle)
    }

    /// Types `keys`, then waits for `needle` in what is drawn after them.
    func press(_ keys: String, expecting needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let offset = output.count
        type(keys)
        let found = wait(for: needle, after: offset)
        #expect(
            found,
            "after typing \(keys.debugDescription): no \(needle.debugDescription) in \(text(from: offset).debugDescription.suffix(600))",
            sourceLocation: sourceLocation)
    }

    /// Waits for the child to end (killing it after `timeout` s) and reads the rest of its
    /// output; nil when it had to be killed.
    func waitForExit(timeout: Double = 30) -> (reason: Process.TerminationReason, status: Int32)? {
        guard let process else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { drain(milliseconds: 20) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        drain(milliseconds: 100)
        return (process.terminationReason, process.terminationStatus)
    }
}

/// Whether two terminal settings are the same: flags and control characters.
func sameSettings(_ a: termios, _ b: termios) -> Bool {
    var a = a
    var b = b
    let ccA = withUnsafeBytes(of: &a.c_cc) { Array($0) }
    let ccB = withUnsafeBytes(of: &b.c_cc) { Array($0) }
    return a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag && a.c_lflag == b.c_lflag
        && ccA == ccB
}
