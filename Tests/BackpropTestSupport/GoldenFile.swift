import Foundation
import Testing

/// Compares output with a golden file, by default in the `Goldens/` folder beside the test
/// file that calls `check`, so every suite keeps its goldens next to its tests.
///
/// Set `BACKPROP_RECORD_GOLDENS=1` to re-record: the file is written and the test fails, so a
/// recording never passes silently. A mismatch fails with a line diff (`-` golden, `+` actual).
public enum GoldenFile {
    /// The environment variable that switches `check` from comparing to recording.
    public static let recordingVariable = "BACKPROP_RECORD_GOLDENS"

    /// Whether this run records goldens instead of comparing with them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordingVariable] == "1" }

    /// The `Goldens/` folder beside the source file `filePath`.
    public static func directory(beside filePath: StaticString) -> URL {
        URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    /// Checks `actual` against the golden file `name`, or records it when `isRecording`.
    ///
    /// - Parameters:
    ///   - directory: the folder of golden files; nil means `Goldens/` beside `filePath`.
    ///   - filePath: the calling test file (leave the default).
    public static func check(
        _ actual: String, named name: String, in directory: URL? = nil, filePath: StaticString = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let directory = directory ?? Self.directory(beside: filePath)
        let url = directory.appendingPathComponent(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(
                    "recorded golden \(name); unset \(recordingVariable) and run again", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
            Issue.record(
                "golden \(url.path) is missing; run with \(recordingVariable)=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(
                "\(name) differs from its golden (- golden, + actual):\n\(diff(expected, actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// A line diff by longest common subsequence, changed lines only, with line numbers.
    public static func diff(_ old: String, _ new: String) -> String {
        let a = old.components(separatedBy: "\n")
        let b = new.components(separatedBy: "\n")
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                lines.append("-\(i + 1): \(a[i])")
                i += 1
            } else {
                lines.append("+\(j + 1): \(b[j])")
                j += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
