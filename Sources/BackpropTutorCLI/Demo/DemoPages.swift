import BackpropCore
import BackpropRendering

/// The demo's pages laid out for a width: page 0 is the title page (the lesson's title,
/// summary, settings and network figure, as `lesson` prints them before step 1), pages 1–15
/// the steps with their reveal stages. Laid out once per width and kept.
final class DemoPages {
    /// Tells the lesson.
    let narrator: Narrator
    /// Whether the text may be coloured (bold headings, dim conventions).
    let usesColor: Bool
    /// The last page's number (15).
    let lastPage = Step.allCases.count

    private var sections: [Int: Section] = [:]
    private var laidOut: [Int: RevealedStep] = [:]
    private var layoutWidth = 0

    /// The pages of `narrator`'s lesson.
    init(narrator: Narrator, usesColor: Bool) {
        self.narrator = narrator
        self.usesColor = usesColor
    }

    /// Page `number` (0 = title page) laid out for `width` columns.
    func page(_ number: Int, width: Int) -> RevealedStep {
        if width != layoutWidth {
            laidOut = [:]
            layoutWidth = width
        }
        if let page = laidOut[number] { return page }
        let renderer = TextRenderer(decimals: narrator.decimals, usesColor: usesColor, width: width)
        let page: RevealedStep
        if let step = Step(number: number) {
            let section = sections[number] ?? narrator.section(step)
            sections[number] = section
            page = renderer.revealed(section)
        } else {
            var lines = renderer.render(narrator.narrative(steps: []))
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            page = RevealedStep(lines: lines, visibleLineCounts: [lines.count])
        }
        laidOut[number] = page
        return page
    }
}
