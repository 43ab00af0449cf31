import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Steps 9–13 told about sample 2 say the same things as about sample 1 — the same blocks, the
/// same equations and tables — only with sample 2's numbers. The trace is the lazy one the
/// command line makes (`Narrator.traceOptions`), which records only the samples a step needs,
/// so a notation that looked its sample up by array position loses content here.
@Suite struct OtherSampleTests {
    static let steps: [Step] = [.chainRule, .outputError, .hiddenError, .backpropagation, .accumulation]

    struct Case: CustomTestStringConvertible, Sendable {
        var lesson: String
        var notation: NotationName
        var testDescription: String { "\(lesson) in \(notation.rawValue)" }
    }

    /// Every built-in lesson with at least 2 samples, in every notation.
    static let cases: [Case] = LessonFixtures.names.flatMap { name in
        NotationRegistry.all.map { Case(lesson: name, notation: $0.name) }
    }

    @Test(arguments: cases)
    func sampleTwoSaysWhatSampleOneSays(_ c: Case) throws {
        let lesson = try LessonFixtures.lesson(c.lesson)
        try #require(lesson.samples.count >= 1)
        guard lesson.samples.count >= 2 else { return }  // mazur: one sample, nothing to compare
        func section(_ step: Step, sample: Int) -> Section {
            let trace = Tracer.trace(lesson, options: Narrator.traceOptions(for: [step], sampleIndex: sample))
            return Narrator(trace: trace, notation: c.notation, sampleIndex: sample).section(step)
        }
        for step in Self.steps {
            let first = section(step, sample: 0)
            let second = section(step, sample: 1)
            // Paragraphs may depend on the values (a sentence about a sign or a size), so only
            // the equations, tables and headings must agree.
            #expect(
                BlockSkeleton.displayed(first.blocks) == BlockSkeleton.displayed(second.blocks),
                "step \(step.number): sample 2 shows other blocks than sample 1")
            if step == .backpropagation {
                #expect(first != second, "step 12 of sample 2 repeats sample 1's numbers")
            }
        }
    }

    /// Mazur's weight-by-weight update is there for any sample (the review's W1: it vanished
    /// for `--sample 2` and for iris's sample 20).
    @Test(arguments: [("ng-lecture", 1), ("xor", 1), ("iris", 19)])
    func mazurWorksTheUpdateForAnySample(_ lesson: String, _ sample: Int) throws {
        let lesson = try LessonFixtures.lesson(lesson)
        let trace = Tracer.trace(lesson, options: Narrator.traceOptions(for: [.backpropagation], sampleIndex: sample))
        let section = Narrator(trace: trace, notation: .mazur, sampleIndex: sample).section(.backpropagation)
        let record = try #require(trace.sample(at: sample))
        let worked = section.blocks.compactMap { block -> Equation? in
            if case .equation(let e) = block, case .superscripted(_, .text("+")) = e.lhs { return e }
            return nil
        }
        let update = try #require(worked.first, "no worked update w⁺ = w − η ∂E/∂w")
        // Its result is this sample's one-step weight w⁺ for the first weight into the outputs.
        let last = record.stepWeights.count - 1
        guard case .number(let value, _) = update.steps.last?.expression else {
            Issue.record("the worked update does not end in a number")
            return
        }
        #expect(value == record.stepWeights[last][0, 1])
    }
}

/// What a block says with its numbers and words left out: its kind, and for equations and
/// tables their symbols and shapes.
struct BlockSkeleton: Equatable, CustomStringConvertible {
    var text: String
    init(_ block: Block) {
        switch block {
        case .heading(let h): text = "heading " + h
        case .paragraph: text = "paragraph"
        case .why: text = "why"
        case .convention: text = "convention"
        case .bullets(let items): text = "bullets \(items.count)"
        case .figure: text = "figure"
        case .image: text = "image"
        case .equation(let e):
            text = "equation " + Self.skeleton(e.lhs) + e.steps.map { " \($0.relation) " + Self.skeleton($0.expression) }.joined()
        case .table(let t):
            text = "table \(t.header.count) columns, \(t.rows.count) rows: " + t.header.map { $0.map(Self.skeleton).joined() }.joined(separator: " | ")
        }
    }
    var description: String { text }

    /// The skeletons of the headings, equations and tables among `blocks`, in order.
    static func displayed(_ blocks: [Block]) -> [BlockSkeleton] {
        blocks.compactMap { block in
            switch block {
            case .heading, .equation, .table: return BlockSkeleton(block)
            case .paragraph, .why, .convention, .bullets, .figure, .image: return nil
            }
        }
    }

    static func skeleton(_ inline: Inline) -> String {
        switch inline {
        case .text(let s), .emphasis(let s), .code(let s): return s
        case .math(let m): return skeleton(m)
        }
    }

    /// The tree with every number written as #.
    static func skeleton(_ math: Math) -> String {
        switch math {
        case .number: return "#"
        case .identifier(let s), .text(let s): return s
        case .integer(let n): return String(n)
        case .op(let o): return "\(o)"
        case .matrix(let rows): return "matrix\(rows.count)(" + math.children.map(skeleton).joined(separator: ",") + ")"
        default:
            return "\(caseName(math))(" + math.children.map(skeleton).joined(separator: ",") + ")"
        }
    }

    static func caseName(_ math: Math) -> String {
        String(String(describing: math).prefix { $0 != "(" })
    }
}
