import BackpropCore
import BackpropRendering
import Foundation

/// Shows a training run's progress as it goes.
///
/// On a terminal: one line, redrawn in place (`\r`, the line, clear-to-end) at most ten times
/// a second, with a bar, the position, the cost, the watched validation number and an
/// estimate of the time left; `finish()` clears it before the summary. Not a terminal: a
/// plain line for checkpoint 0 and every `every`-th checkpoint after it, nothing else, so the
/// output is the same bytes on every run.
final class TrainingProgress {
    private let io: CommandIO
    private let text: TrainingText
    private let every: Int
    private let updateLimit: Int
    private let isLive: Bool
    private let started = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var index = 0
    private var shown = false
    /// The first write that failed (a closed pipe); the run stops and it is thrown after.
    private(set) var failure: CLIError?

    /// Shortest time between two redraws of the live line.
    static let redrawInterval = Duration.milliseconds(100)

    init(io: CommandIO, text: TrainingText, every: Int, updateLimit: Int) {
        self.io = io
        self.text = text
        self.every = max(every, 1)
        self.updateLimit = max(updateLimit, 1)
        isLive = io.terminal.isTerminal
    }

    /// Reports one checkpoint.
    func report(_ point: TrainingCheckpoint) {
        defer { index += 1 }
        guard failure == nil else { return }
        do {
            if isLive {
                let now = ContinuousClock.now
                if let lastDraw, now - lastDraw < Self.redrawInterval { return }
                lastDraw = now
                try io.write("\r" + liveLine(point, elapsed: now - started) + "\u{1B}[K")
                shown = true
            } else if index % every == 0 {
                try io.write(text.progressLine(point))
            }
        } catch {
            failure = error
        }
    }

    /// Clears the live line, if one is shown.
    func finish() throws(CLIError) {
        if let failure { throw failure }
        if shown { try io.write("\r\u{1B}[K") }
    }

    /// `[██████░░░░]  epoch 3  cost 0.1234  validation error 4.0%  ETA 2 s`, cut to the
    /// terminal's width.
    private func liveLine(_ point: TrainingCheckpoint, elapsed: Duration) -> String {
        let fraction = min(Double(point.updates) / Double(updateLimit), 1)
        let filled = Int((fraction * 20).rounded(.down))
        let bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled) + "]"
        var line = "\(bar) \(text.position(point))  cost \(NumberFormat(decimals: 4).string(point.trainingCost))  \(text.watched(point))"
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if point.updates > 0 {
            let remaining = seconds / Double(point.updates) * Double(updateLimit - point.updates)
            line += "  ETA " + (remaining < 60 ? "\(Int(remaining.rounded(.up))) s" : "\(Int((remaining / 60).rounded(.up))) min")
        }
        if let width = io.terminal.width, line.count >= width { line = String(line.prefix(max(width - 1, 1))) }
        return line
    }
}
