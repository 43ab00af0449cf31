import Foundation
import Testing

/// Headless Chromium for the browser tests (the HTML page, Markdown under MathJax): found on PATH (`chromium`, as Debian names it,
/// or `chromium-browser`); CI installs it (`.ci/run`). Tests that need it are disabled with a
/// message saying so when it is missing.
public enum Chromium {
    /// The browser's path, if one is installed.
    public static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }()

    public static let isInstalled = path != nil
    public static let missing: Comment =
        "chromium is not installed: install it (Debian: apt-get install -y chromium) to run the browser tests (the HTML page, Markdown under MathJax); CI installs it"

    /// Runs headless Chromium with `arguments` (after the common flags); its standard output,
    /// or nil if it could not start or took longer than `timeout` seconds.
    public static func run(_ arguments: [String], timeout: Double = 180) -> String? {
        guard let path else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile.path)"]
            + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let reading = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.data = output.fileHandleForReading.readDataToEndOfFile()
            reading.signal()
        }
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return nil }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            done.wait()
            reading.wait()
            return nil
        }
        reading.wait()
        return String(decoding: box.data, as: UTF8.self)
    }

    /// The page's DOM after its script ran, at a window `width` × `height` px.
    public static func dumpDOM(_ url: String, width: Int = 390, height: Int = 844, budget: Int = 60000) -> String? {
        run(["--dump-dom", "--virtual-time-budget=\(budget)", "--window-size=\(width),\(height)", url])
    }

    /// A screenshot of the page at `width` × `height` px into `file`.
    public static func screenshot(_ url: String, to file: URL, width: Int, height: Int) -> Bool {
        run(["--screenshot=\(file.path)", "--virtual-time-budget=5000", "--window-size=\(width),\(height)", url]) != nil
    }
}
