import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Every "substituted" line the narrator prints (the numbers line of an equation) is built
/// only from nodes an evaluator can compute, so that issue 8's evaluator can check it against
/// the result line.
///
/// The substituted line of an equation is its second-to-last line, in equations of three or
/// more lines (symbolic = substituted = result). Two-line equations (a definition and its
/// value, such as g′(z⁽³⁾) = 1 − a⊙a = […]) have no substituted line.
@Suite("Substituted lines are evaluable")
struct SubstitutedLineTests {
    /// The allow-list: the only non-evaluable content a substituted line may hold, and why.
    enum Exception: String, CaseIterable {
        /// The ⋮ ⋯ ⋱ cells of an abbreviated matrix (a layer wider than
        /// `Narrator.largestShown`): issue 8 marks such lines abbreviated rather than
        /// evaluating them. Counted by `offenders(in:abbreviated:)`, never reported.
        case abbreviatedMatrix
        /// Equations a notation adds as remarks (Mazur's per-weight updates w⁺ = w − η · ∂E/∂w
        /// in step 12 and his hidden-weight chain in step 9, MazurNotation.swift): written by
        /// the notation, outside the narrator, still with layout rows. Skipped by
        /// `substitutedLines(_:_:)`.
        case notationRemarks
    }

    /// The nodes a substituted line may hold.
    static func isEvaluable(_ math: Math) -> Bool {
        switch math {
        case .number, .integer, .matrix, .add, .subtract, .negate, .multiply, .divide, .hadamard, .outer,
            .transpose, .stackBias:
            return true
        case .call(let function, _):
            return function.meaning != nil
        case .identifier, .text, .op, .row, .subscripted, .superscripted, .scripted, .fraction, .parenthesized,
            .bracketed, .norm, .prime, .partial, .sum, .ellipsis:
            return false
        }
    }

    /// The nodes of `math` that are not evaluable (the function symbol of a call is its name,
    /// not an operand, so it is skipped), with the ellipsis cells of a matrix reported apart.
    static func offenders(in math: Math, abbreviated: inout Int) -> [Math] {
        switch math {
        case .call(let function, let arguments):
            let own: [Math] = function.meaning == nil ? [math] : []
            return own + arguments.flatMap { offenders(in: $0, abbreviated: &abbreviated) }
        case .matrix(let rows):
            var found: [Math] = []
            for cell in rows.flatMap({ $0 }) {
                if case .ellipsis = cell {
                    abbreviated += 1  // Exception.abbreviatedMatrix
                } else {
                    found += offenders(in: cell, abbreviated: &abbreviated)
                }
            }
            return found
        default:
            let own: [Math] = isEvaluable(math) ? [] : [math]
            return own + math.children.flatMap { offenders(in: $0, abbreviated: &abbreviated) }
        }
    }

    /// The narrator's substituted lines of one step, with notation remarks left out: those
    /// blocks are written by the notation (Mazur's per-weight updates and hidden-weight chain,
    /// in MazurNotation.swift), not by the narrator, and still use layout rows — listed in the
    /// narrator's report as the one remaining exception outside its files.
    static func substitutedLines(_ narrator: Narrator, _ step: Step) -> [Math] {
        let remarks = narrator.notationRemarks(for: step)
        return narrator.section(step).blocks.compactMap { block -> Math? in
            guard case .equation(let equation) = block, equation.steps.count >= 3,
                !remarks.contains(block)  // Exception.notationRemarks
            else { return nil }
            return equation.steps[equation.steps.count - 2].expression
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var lesson: String
        var notation: NotationName
        var testDescription: String { "\(lesson) in \(notation)" }
    }

    static let cases: [Case] = LessonFixtures.names.flatMap { lesson in
        NotationName.allCases.map { Case(lesson: lesson, notation: $0) }
    }

    @Test("every substituted line of every step holds only evaluable nodes", arguments: cases)
    func evaluable(_ item: Case) throws {
        let trace = try LessonFixtures.trace(item.lesson)
        let narrator = Narrator(trace: trace, notation: item.notation)
        var lineCount = 0
        for step in Step.allCases {
            for line in Self.substitutedLines(narrator, step) {
                lineCount += 1
                var abbreviated = 0
                let found = Self.offenders(in: line, abbreviated: &abbreviated)
                #expect(found.isEmpty, "step \(step.number): \(found.map { "\($0)".prefix(120) })")
            }
        }
        #expect(lineCount > 0)
    }

    @Test("the check fails on a layout row, an identifier and a meaningless call")
    func canFail() {
        var abbreviated = 0
        #expect(!Self.offenders(in: .row([.number(1), .op(.plus), .number(2)]), abbreviated: &abbreviated).isEmpty)
        #expect(!Self.offenders(in: .add([.number(1), .identifier("a")]), abbreviated: &abbreviated).isEmpty)
        #expect(!Self.offenders(in: .call(.named("max"), [.number(0)]), abbreviated: &abbreviated).isEmpty)
        #expect(!Self.offenders(in: .times(.number(2), .parenthesized(.number(-1))), abbreviated: &abbreviated).isEmpty)
        #expect(
            Self.offenders(
                in: .hadamard(
                    .column([0.5, 1]),
                    .call(.derivative(of: .sigmoid, written: .identifier("g")), [.column([0.1, 0.2])])),
                abbreviated: &abbreviated
            ).isEmpty)
        #expect(Self.offenders(in: .matrix([[.number(1), .ellipsis(.horizontal)]]), abbreviated: &abbreviated).isEmpty)
        #expect(abbreviated == 1)
    }

    @Test("the old, layout-built numbers lines would have failed")
    func oldLinesFail() {
        // Step 8's numbers line before this change: costs pre-formatted into text.
        var abbreviated = 0
        let old = Math.fraction(
            .binary(.text("0.705518771559"), .minus, .text("0.705510359212")),
            .row([.integer(2), .op(.product), .text("0.0001")]))
        #expect(!Self.offenders(in: old, abbreviated: &abbreviated).isEmpty)
    }
}
