import Foundation
import Testing

/// Compares output with a snapshot file in `Snapshots/` beside this file (swift-argument-parser keeps its help snapshots the same way).
///
/// Set `BACKPROP_RECORD_GOLDENS=1` to re-record: the file is written and the test fails, so a
/// recording never passes silently. A mismatch fails with a line diff (`-` snapshot, `+` actual).
enum SnapshotFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["BACKPROP_RECORD_GOLDENS"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(
                    "recorded snapshot \(name); unset BACKPROP_RECORD_GOLDENS and run again",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
            Issue.record(
                "snapshot \(name) is missing; run with BACKPROP_RECORD_GOLDENS=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let lines = diff(expected, actual)
            Issue.record(
                "\(name) differs from its snapshot (- snapshot, + actual):\n\(lines)", sourceLocation: sourceLocation)
        }
    }

    /// A line diff by longest common subsequence, changed lines only, with line numbers.
    static func diff(_ old: String, _ new: String) -> String {
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
