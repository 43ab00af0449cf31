import BackpropCore
import BackpropRendering

/// The demo's pages laid out for a width, in each of the deck's notations: page 0 is the title
/// page (title, summary, settings, the network without computed values and the starting
/// weights: nothing the class is about to work out), pages 1… the chosen steps with their
/// reveal stages. Laid out once per width and notation, and kept.
final class DemoPages {
    /// Tells the lesson, one narrator per notation `n` cycles through (the chosen one first).
    let narrators: [Narrator]
    /// Whether the text may be coloured (bold headings, dim conventions).
    let usesColor: Bool
    /// The lesson steps the pages show, in order.
    let steps: [Step]
    /// The last page's number (the number of steps).
    var lastPage: Int { steps.count }

    /// The longest line prose is set to on a wide window (classroom review F11): about 90
    /// characters reads from the back of a room; equations and tables may use the full width.
    static let proseMeasure = 90

    private var sections: [Int: Section] = [:]
    private var laidOut: [Int: RevealedStep] = [:]
    private var layoutWidth = 0

    /// The pages of `narrator`'s lesson for `steps`; `n` cycles through `narrator`'s notation,
    /// then every other registered one.
    init(narrator: Narrator, usesColor: Bool, steps: [Step] = Step.allCases) {
        let others = NotationName.allCases.filter { $0 != narrator.notation.name }
        narrators = [narrator] + others.map {
            Narrator(trace: narrator.trace, notation: $0, sampleIndex: narrator.sampleIndex, decimals: narrator.decimals)
        }
        self.usesColor = usesColor
        self.steps = steps
    }

    /// The deck's notation names, in `n`'s order.
    var notationNames: [String] { narrators.map { $0.notation.name.rawValue } }

    /// Page `number` (0 = title page) in notation `notation`, laid out for `width` columns.
    func page(_ number: Int, notation: Int = 0, width: Int) -> RevealedStep {
        if width != layoutWidth {
            laidOut = [:]
            layoutWidth = width
        }
        let narrator = narrators[min(max(notation, 0), narrators.count - 1)]
        let key = number * 16 + notation
        if let page = laidOut[key] { return page }
        var renderer = TextRenderer(decimals: narrator.decimals, usesColor: usesColor, width: width)
        renderer.proseWidth = Self.proseMeasure
        let page: RevealedStep
        if number > 0, number <= steps.count {
            let section = sections[key] ?? narrator.section(steps[number - 1])
            sections[key] = section
            page = renderer.revealed(section)
        } else {
            var lines = renderer.render(narrator.titlePage())
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            page = RevealedStep(lines: lines, visibleLineCounts: [lines.count])
        }
        laidOut[key] = page
        return page
    }
}
