/// A rectangle of text lines with a baseline, for laying out math in a terminal.
///
/// Boxes joined side by side line up on their baselines, so `δ = ⎡a⎤ − ⎡b⎤` keeps its `=` and
/// `−` on the middle row of the matrices. Widths count Characters, which is right for the
/// symbols used here (none is double-width).
struct TextBox: Equatable {
    /// The lines, top to bottom, all padded to `width`.
    private(set) var lines: [String]
    /// The index of the line that operators and neighbours align with.
    private(set) var baseline: Int

    /// A one-line box.
    init(_ text: String) {
        lines = [text]
        baseline = 0
    }

    /// A box of lines (padded to the widest) with the given baseline.
    init(lines: [String], baseline: Int) {
        let width = lines.map(\.count).max() ?? 0
        self.lines = lines.map { $0 + String(repeating: " ", count: width - $0.count) }
        self.baseline = baseline
    }

    /// The width in Characters.
    var width: Int { lines.first?.count ?? 0 }
    /// Whether the box is a single line.
    var isSingleLine: Bool { lines.count == 1 }
    /// The single line's text (the baseline for taller boxes).
    var text: String { lines[baseline] }

    /// Boxes side by side, aligned on their baselines.
    static func horizontal(_ boxes: [TextBox]) -> TextBox {
        guard !boxes.isEmpty else { return TextBox("") }
        let above = boxes.map(\.baseline).max() ?? 0
        let below = boxes.map { $0.lines.count - 1 - $0.baseline }.max() ?? 0
        var lines = Array(repeating: "", count: above + below + 1)
        for box in boxes {
            let blank = String(repeating: " ", count: box.width)
            for row in 0..<lines.count {
                let index = row - (above - box.baseline)
                lines[row] += index >= 0 && index < box.lines.count ? box.lines[index] : blank
            }
        }
        return TextBox(lines: lines, baseline: above)
    }

    /// Boxes stacked, left-aligned; the baseline is that of `baselineOf`.
    static func vertical(_ boxes: [TextBox], baselineOf chosen: Int = 0) -> TextBox {
        var lines: [String] = []
        var baseline = 0
        for (index, box) in boxes.enumerated() {
            if index == chosen { baseline = lines.count + box.baseline }
            lines += box.lines
        }
        return TextBox(lines: lines, baseline: baseline)
    }

    /// The box with trailing spaces removed from every line, as printed.
    var printedLines: [String] { lines.map { $0.trimmingTrailingSpaces() } }
}

extension TextBox {
    /// The same lines with another baseline.
    func withBaseline(_ row: Int) -> TextBox {
        TextBox(lines: lines, baseline: row)
    }

    /// The box centred in `width` columns (extra space on the right).
    func centered(in width: Int) -> TextBox {
        let pad = String(repeating: " ", count: (width - self.width) / 2)
        return TextBox(lines: lines.map { pad + $0 }, baseline: baseline)
    }

    /// The box between delimiters: one-line `open…close`, or tall ones built from pieces
    /// (top, middle, bottom on each side).
    func delimited(open: String, close: String, tall: (String, String, String, String, String, String)) -> TextBox {
        if isSingleLine { return TextBox(open + text + close) }
        let count = lines.count
        let left = (0..<count).map { $0 == 0 ? tall.0 : ($0 == count - 1 ? tall.2 : tall.1) }
        let right = (0..<count).map { $0 == 0 ? tall.3 : ($0 == count - 1 ? tall.5 : tall.4) }
        return .horizontal([
            TextBox(lines: left, baseline: baseline), self, TextBox(lines: right, baseline: baseline),
        ])
    }
}
