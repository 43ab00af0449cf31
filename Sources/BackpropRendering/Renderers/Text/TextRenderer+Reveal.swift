/// A step told one line of each equation at a time, as the beamer slides uncover them: the
/// symbolic form, then the substituted numbers, then the result. Text between equations
/// appears with the last line of the equation before it, so every stage shows a prefix of
/// the step's lines.
public struct RevealedStep: Equatable, Sendable {
    /// The step's printed lines: `TextRenderer.fragment(section)` split at its newlines.
    public var lines: [String]
    /// For each stage, from the first to the last, how many of `lines` it shows; increasing,
    /// and the last is `lines.count`.
    public var visibleLineCounts: [Int]

    /// A step of `lines` revealed in stages showing `visibleLineCounts` of them.
    public init(lines: [String], visibleLineCounts: [Int]) {
        self.lines = lines
        self.visibleLineCounts = visibleLineCounts
    }

    /// How many stages the step has: 1 plus, for every equation, its lines after the first.
    public var stageCount: Int { visibleLineCounts.count }

    /// The lines shown at `stage` (clamped to the stages there are).
    public func visibleLines(atStage stage: Int) -> ArraySlice<String> {
        lines.prefix(visibleLineCounts[min(max(stage, 0), stageCount - 1)])
    }
}

extension TextRenderer {
    /// The step with its reveal stages; its lines joined by newlines (plus one at the end)
    /// are exactly `fragment(section)`.
    public func revealed(_ section: Section) -> RevealedStep {
        var lines = fragment(Section(number: section.number, title: section.title, blocks: []))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var counts: [Int] = []
        for block in section.blocks.map(numberFormat.displayed) {
            lines.append("")
            if case .equation(let equation) = block {
                for (index, group) in self.lines(of: equation).enumerated() {
                    if index > 0 { counts.append(lines.count) }
                    lines += group
                }
            } else {
                lines += render(block).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        counts.append(lines.count)
        return RevealedStep(lines: lines, visibleLineCounts: counts)
    }
}
