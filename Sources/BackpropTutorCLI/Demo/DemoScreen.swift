import BackpropCore
import BackpropRendering

/// What the demo's window shows, as a pure function of the state, the step's text and the
/// window size: tested without a terminal.
///
/// The frame is `rows` lines, none wider than `columns − 1` (the last column stays empty, so
/// no terminal wraps a line): the revealed part of the step from line `scroll` and column
/// `column` on (lines cut at the window's edges are marked ‹ and ›), then one status line
/// with where the learner is and the keys. Numbers not in `previousNumbers` are
/// highlighted (nil: nothing is, as on the first screen).
struct DemoScreen {
    /// The window, in character cells.
    var size: WindowSize
    /// Whether colour may be used; when not, highlights and the status line are bold or
    /// inverse only.
    var usesColor: Bool
    /// The lesson step each page 1… shows, when `--steps` chose some (nil: page k is step k).
    var stepNumbers: [Int]? = nil
    /// The notations `n` cycles through, the current one named in the status line when there
    /// are several.
    var notationNames: [String] = []

    /// The smallest window the demo draws in.
    static let minimumSize = WindowSize(columns: 30, rows: 4)

    /// Whether the window is at least `minimumSize`.
    var isLargeEnough: Bool { size.columns >= Self.minimumSize.columns && size.rows >= Self.minimumSize.rows }

    /// The width the step text is laid out for.
    var textWidth: Int { max(1, size.columns - 1) }
    /// How many lines of step text fit above the status line.
    var pageHeight: Int { max(1, size.rows - 1) }

    /// The start and end of a highlighted number: yellow and bold, or bold without colour.
    var highlight: (on: String, off: String) {
        usesColor ? ("\u{1B}[1;33m", "\u{1B}[22;39m") : ("\u{1B}[1m", "\u{1B}[22m")
    }

    /// The frame for `state` showing `revealed`.
    func frame(
        _ state: DemoState, revealed: RevealedStep, stepCount: Int, previousNumbers: Set<String>?
    ) -> [String] {
        guard isLargeEnough else {
            let message = "window too small: the demo needs \(Self.minimumSize.columns) × \(Self.minimumSize.rows)"
            return [VisibleText.clipped(message, to: textWidth)] + Array(repeating: "", count: max(0, size.rows - 1))
        }
        // Blanked (`b`): nothing at all on the projector until the next key.
        if state.isBlank { return Array(repeating: "", count: size.rows) }
        var body: [String]
        if state.isShowingHelp {
            body = Self.help
        } else {
            let visible = Array(revealed.visibleLines(atStage: state.stage))
            body = Array(visible.dropFirst(state.scroll).prefix(pageHeight))
            if let previousNumbers {
                let (on, off) = highlight
                body = body.map { PrintedNumbers.highlight($0, on: on, off: off) { !previousNumbers.contains($0) } }
            }
        }
        let column = state.isShowingHelp ? 0 : state.column
        body = Array(body.prefix(pageHeight)).map { VisibleText.window($0, from: column, width: textWidth) }
        body += Array(repeating: "", count: pageHeight - body.count)
        return body + [statusLine(state, revealed: revealed, stepCount: stepCount)]
    }

    /// Where the learner is, and the keys (or the step number being typed, or a notice).
    func statusLine(_ state: DemoState, revealed: RevealedStep, stepCount: Int) -> String {
        let page: String
        if state.step == 0 {
            page = " title page"
        } else if let stepNumbers, state.step <= stepNumbers.count {
            page = " step \(stepNumbers[state.step - 1]) (\(state.step) of \(stepNumbers.count))"
        } else {
            page = " step \(state.step)/\(stepCount)"
        }
        // The notation goes last, after where the learner is, so the position reads first.
        let notationPart =
            notationNames.count > 1 ? " · " + notationNames[min(state.notation, notationNames.count - 1)] : ""
        var part = ""
        if revealed.stageCount > 1 {
            part = " · line \(min(state.stage, revealed.stageCount - 1) + 1)/\(revealed.stageCount)"
        }
        var rows = ""
        var more = ""
        let visible = revealed.visibleLineCounts[min(state.stage, revealed.stageCount - 1)]
        if !state.isShowingHelp, visible > pageHeight {
            let last = min(visible, state.scroll + pageHeight)
            rows = " · rows \(state.scroll + 1)–\(last)/\(visible)"
            if last < visible { more = " ↓" }
        }
        var sideways = ""
        if !state.isShowingHelp {
            let widest = revealed.visibleLines(atStage: state.stage).map(VisibleText.width).max() ?? 0
            if widest > textWidth {
                var last = min(widest, state.column + textWidth - (state.column > 0 ? 1 : 0))
                if last < widest { last -= 1 }  // the › takes a column
                sideways = " · cols \(state.column + 1)–\(last)/\(widest) < >"
            }
        }
        let positions = [
            page + part + rows + more + sideways + notationPart,
            page + part + more + (sideways.isEmpty ? "" : " · < >") + notationPart,
            page + part + more + (sideways.isEmpty ? "" : " · < >"),
        ]
        let tails: [String]
        if state.isShowingHelp {
            tails = ["any key closes the help"]
        } else if !state.typedStep.isEmpty {
            tails = ["go to step \(state.typedStep)_  (Enter goes, Esc cancels)", "go to step \(state.typedStep)_"]
        } else if let notice = state.notice {
            tails = [notice]
        } else {
            tails = ["→ next  ← back  n notation  b blank  ? help  q quit", "→ next  ← back  ? help  q quit", "? help  q quit"]
        }
        let room = textWidth
        // The fullest version that fits: the key hint shortens first, then goes (unless it is a
        // notice or a step number being typed, which are cut rather than dropped), then the
        // position shortens.
        let isHint = state.notice == nil && state.typedStep.isEmpty && !state.isShowingHelp
        let candidates = positions.flatMap { position in
            tails.map { position + "  │  " + $0 } + (isHint ? [position] : [])
        }
        var line = candidates.first { $0.count <= room } ?? candidates[candidates.count - 1]
        if line.count > room { line = VisibleText.clipped(line, to: room) }
        line += String(repeating: " ", count: max(0, room - VisibleText.width(line)))
        return "\u{1B}[7m" + line + "\u{1B}[0m"
    }

    /// The key help.
    static let help = [
        "Keys",
        "────",
        "",
        "  →  Space         next equation line, then next step",
        "  ←                back",
        "  n                next notation (same step, same numbers)",
        "  b                blank the screen (any key brings it back)",
        "  ↓  j   ↑  k      scroll a line (long steps)",
        "  PgDn  PgUp       scroll one page",
        "  >  l   <  h      scroll sideways (wide lines)",
        "  Home  End        title page, last step",
        "  1–15 then Enter  go to that step",
        "  ?                this help",
        "  q  Ctrl-C        quit",
        "",
        "New numbers (not on the previous screen) are highlighted.",
        "Any key closes this help.",
    ]
}
