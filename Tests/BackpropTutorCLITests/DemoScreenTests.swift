import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// The demo without a terminal: reveal stages, the key map, highlighting and the frame at
/// different window sizes.
@Suite("demo's screen model")
struct DemoScreenTests {
    static let narrator: Narrator = {
        let lesson = (try? LessonFixtures.lesson("ng-lecture"))!
        return Narrator(trace: Tracer.trace(lesson), notation: NotationName(rawValue: lesson.notation))
    }()

    static func revealed(_ step: Int, width: Int = 79, usesColor: Bool = false) -> RevealedStep {
        TextRenderer(usesColor: usesColor, width: width).revealed(narrator.section(Step(number: step)!))
    }

    static func layout(pageHeight: Int = 29, width: Int = 79) -> DemoState.Layout {
        let pages = DemoPages(narrator: narrator, usesColor: false)
        return DemoState.Layout(
            stepCount: 15, pageHeight: pageHeight, pageWidth: width, revealed: { pages.page($0, notation: $1, width: width) },
            notationCount: pages.narrators.count)
    }

    @Test("every step's stages end in exactly `step N`'s text, one stage per equation line after the first")
    func stagesMatchTheStep() {
        for number in 1...15 {
            let section = Self.narrator.section(Step(number: number)!)
            for width in [40, 79, 120] {
                let renderer = TextRenderer(width: width)
                let revealed = renderer.revealed(section)
                #expect(revealed.lines.joined(separator: "\n") + "\n" == renderer.fragment(section), "step \(number)")
                let equationLines = section.blocks.reduce(0) { total, block in
                    if case .equation(let equation) = block { return total + equation.steps.count - 1 }
                    return total
                }
                #expect(revealed.stageCount == 1 + equationLines, "step \(number)")
                #expect(zip(revealed.visibleLineCounts, revealed.visibleLineCounts.dropFirst()).allSatisfy { $0 < $1 })
                #expect(revealed.visibleLineCounts.last == revealed.lines.count)
            }
        }
    }

    @Test("step 6 reveals a⁽¹⁾ = x, then its numbers with z⁽²⁾'s symbolic line, then z⁽²⁾'s numbers")
    func revealOrder() {
        let step = Self.revealed(6)
        let first = Array(step.visibleLines(atStage: 0))
        #expect(first.last == "a⁽¹⁾ = x")
        // a⁽¹⁾'s last line comes with what follows it, up to the first line of the next equation.
        let second = Array(step.visibleLines(atStage: 1).dropFirst(first.count))
        // x is the lesson's input, printed as given (issue 20).
        #expect(second == ["     = ⎡0.5⎤", "       ⎣1.0⎦", "", "z⁽²⁾ = Θ⁽¹⁾[1; a⁽¹⁾]"])
        let third = Array(step.visibleLines(atStage: 2).dropFirst(first.count + second.count))
        // The starting weights too print as the lesson gives them (-0.3, not -0.3000).
        #expect(third.count == 3 && third[1].hasPrefix("     = ⎢-0.3   0.2"), "\(third)")
    }

    @Test("the key map: next reveals, then moves on; back returns; digits and Enter jump; help; quit")
    func keyMap() {
        let layout = Self.layout()
        var state = DemoState()
        #expect(state.step == 0, "the title page comes first")
        state = state.handling(.right, in: layout)
        #expect(state.step == 1 || state.scroll > 0)
        state = state.handling(.character("6"), in: layout).handling(.enter, in: layout)
        #expect(state.step == 6 && state.stage == 0 && state.typedStep.isEmpty)
        state = state.handling(.right, in: layout)
        #expect(state.step == 6 && state.stage == 1)
        state = state.handling(.left, in: layout).handling(.left, in: layout)
        #expect(state.step == 5 && state.stage == Self.revealed(5).stageCount - 1)
        state = state.handling(.end, in: layout)
        #expect(state.step == 15 && state.stage == 0)
        state = state.handling(.home, in: layout)
        #expect(state.step == 0)
        state = state.handling(.left, in: layout)
        #expect(state.step == 0 && state.notice == "this is the title page; → goes on, q quits")
        state = state.handling(.character("9"), in: layout).handling(.character("9"), in: layout)
            .handling(.enter, in: layout)
        #expect(state.step == 0 && state.notice == "there is no step 99: the steps are 1 to 15")
        state = state.handling(.character("?"), in: layout)
        #expect(state.isShowingHelp)
        state = state.handling(.character("q"), in: layout)
        #expect(!state.isShowingHelp && !state.isFinished, "a key closes the help first")
        #expect(state.handling(.character("q"), in: layout).isFinished)
        #expect(state.handling(.interrupt, in: layout).isFinished)
    }

    @Test("next pages through a step taller than the window before revealing more")
    func longSteps() {
        let layout = Self.layout(pageHeight: 10)
        let step1 = Self.revealed(1)
        #expect(step1.stageCount == 1 && step1.lines.count > 20)
        var state = DemoState(step: 1)
        var scrolls: [Int] = []
        while state.step == 1 {
            scrolls.append(state.scroll)
            state = state.handling(.right, in: layout)
        }
        #expect(scrolls.count > 2 && scrolls == scrolls.sorted(), "\(scrolls)")
        #expect(scrolls.last == step1.lines.count - 10, "the last page ends at the last line")
        #expect(state.step == 2 && state.scroll == 0)
        // j/k and PgUp/PgDn stay within the step.
        var top = DemoState(step: 1)
        top = top.handling(.up, in: layout).handling(.pageUp, in: layout)
        #expect(top.scroll == 0)
        top = top.handling(.pageDown, in: layout).handling(.down, in: layout)
        #expect(top.scroll == 10)
    }

    @Test("numbers not on the previous screen are highlighted, others not; none on the first screen")
    func highlighting() {
        let line = "z = 0.5000 + -1.2500 · 3.05e-06 in step 12 (x₁, Θ⁽²⁾)"
        #expect(PrintedNumbers.numbers(in: line) == ["0.5000", "-1.2500", "3.05e-06"])
        #expect(PrintedNumbers.numbers(in: "\u{1B}[1m0.2500\u{1B}[0m v1.5 1.2.3") == ["0.2500"])
        let marked = PrintedNumbers.highlight(line, on: "<", off: ">") { $0 != "0.5000" }
        #expect(marked == "z = 0.5000 + <-1.2500> · <3.05e-06> in step 12 (x₁, Θ⁽²⁾)")

        let screen = DemoScreen(size: WindowSize(columns: 100, rows: 30), usesColor: true)
        let step = Self.revealed(6, width: 99, usesColor: true)
        var state = DemoState(step: 6)
        #expect(
            !screen.frame(state, revealed: step, stepCount: 15, previousNumbers: nil).joined().contains("\u{1B}[1;33m"))
        let before = PrintedNumbers.numbers(in: step.visibleLines(atStage: 0))
        state.stage = 1
        let frame = screen.frame(state, revealed: step, stepCount: 15, previousNumbers: before).joined(separator: "\n")
        #expect(frame.contains("\u{1B}[1;33m0.5\u{1B}[22;39m"), "x's numbers (as given) are new")
        let plain = DemoScreen(size: WindowSize(columns: 100, rows: 30), usesColor: false)
        let boldFrame = plain.frame(state, revealed: step, stepCount: 15, previousNumbers: before).joined()
        #expect(boldFrame.contains("\u{1B}[1m0.5\u{1B}[22m") && !boldFrame.contains("33m"))
        // Going back to a stage whose numbers were all on screen highlights nothing.
        let after = PrintedNumbers.numbers(in: step.visibleLines(atStage: 1))
        state.stage = 0
        #expect(!screen.frame(state, revealed: step, stepCount: 15, previousNumbers: after).joined().contains("33m"))
    }

    @Test(
        "the frame fills the window and no line is wider than it, at any size",
        arguments: [(100, 30), (60, 20), (30, 4), (200, 60)])
    func frameSizes(columns: Int, rows: Int) {
        let screen = DemoScreen(size: WindowSize(columns: columns, rows: rows), usesColor: true)
        for number in [1, 6, 12, 15] {
            let step = Self.revealed(number, width: screen.textWidth, usesColor: true)
            for stage in [0, step.stageCount - 1] {
                let state = DemoState(step: number, stage: stage)
                let frame = screen.frame(state, revealed: step, stepCount: 15, previousNumbers: [])
                #expect(frame.count == rows)
                #expect(frame.allSatisfy { VisibleText.width($0) <= columns - 1 }, "step \(number) at \(columns)")
                #expect(frame.last?.contains("step \(number)/15") == true)
            }
        }
        // Laid out for the width: at 59 columns prose wraps earlier than at 99.
        if columns == 60 {
            #expect(Self.revealed(1, width: 59).lines.count > Self.revealed(1, width: 99).lines.count)
            #expect(Self.revealed(1, width: 59).lines.allSatisfy { $0.count <= 59 || $0.contains("─") == false })
        }
    }

    @Test("a window smaller than 30 × 4 says so instead of drawing")
    func tooSmall() {
        let screen = DemoScreen(size: WindowSize(columns: 20, rows: 3), usesColor: false)
        let frame = screen.frame(DemoState(step: 1), revealed: Self.revealed(1), stepCount: 15, previousNumbers: nil)
        #expect(frame.count == 3 && frame[0].hasPrefix("window too small"))
    }

    @Test("keys from bytes: arrows in both cursor modes, Home/End, PgUp/PgDn, split sequences, a lone Esc")
    func keyDecoding() {
        var decoder = KeyDecoder()
        #expect(
            decoder.decode(Array("\u{1B}[C\u{1B}OD\u{1B}[H\u{1B}[4~\u{1B}[5~\u{1B}[6~ n?".utf8)) == [
                .right, .left, .home, .end, .pageUp, .pageDown, .character(" "), .character("n"), .character("?"),
            ])
        #expect(decoder.decode([0x1B, 0x5B]) == [])
        #expect(decoder.hasPendingEscape)
        #expect(decoder.decode([0x41, 0x03, 0x0D, 0x7F]) == [.up, .interrupt, .enter, .backspace])
        #expect(decoder.decode([0x1B]) == [] && decoder.flushPendingEscape() == [.escape])
        #expect(decoder.decode(Array("é".utf8)) == [.character("é")])
    }

    @Test("clipping keeps escape sequences, counts only what shows and marks the cut")
    func clipping() {
        let line = "\u{1B}[1mabcdef\u{1B}[0m"
        #expect(VisibleText.width(line) == 6)
        #expect(VisibleText.clipped(line, to: 6) == line)
        let cut = VisibleText.clipped(line, to: 4)
        #expect(VisibleText.width(cut) == 4 && cut.hasPrefix("\u{1B}[1mabc") && cut.hasSuffix("›"))
    }

    @Test("the title page is the lesson's title and setup, the network without results and the starting weights")
    func titlePage() {
        let pages = DemoPages(narrator: Self.narrator, usesColor: false)
        let page = pages.page(0, width: 80)
        #expect(page.stageCount == 1)
        let lesson = BackpropTutor.execute(["lesson", "--lesson", "ng-lecture"]).standardOutput
        // The same head as `lesson` up to the figure, whose computed values it leaves out (F1).
        let head = page.lines.prefix { !$0.hasPrefix("layer 1") }.joined(separator: "\n")
        #expect(lesson.hasPrefix(head))
        #expect(page.lines.first == "A four-layer network in Ng's notation")
        #expect(!page.lines.contains { $0.contains("0.6270") })
        #expect(page.lines.contains { $0.hasPrefix("The starting weights") })
        let screen = DemoScreen(size: WindowSize(columns: 80, rows: 24), usesColor: false)
        #expect(
            screen.frame(DemoState(), revealed: page, stepCount: 15, previousNumbers: nil).last?.contains(
                " title page ") == true)
    }

    /// The step and stage these tests reveal up to: step 11 of ng-lecture, through the stage
    /// that shows its first matrix rule δ⁽³⁾ = (Θ⁽³⁾ᵀδ⁽⁴⁾) ⊙ g′(z⁽³⁾), a line wider than 49
    /// columns. (Step 12 used to repeat that rule; it now recalls steps 10–11 in a line each.)
    static let wideStep = 11
    static var wideStage: Int {
        let step = revealed(wideStep, width: 49)
        return step.visibleLineCounts.firstIndex { count in
            step.lines.prefix(count).contains { $0.hasPrefix("δ⁽³⁾ = (Θ⁽³⁾ᵀδ⁽⁴⁾) ⊙ g′(z⁽³⁾)") }
        } ?? 0
    }

    @Test("after a resize the last revealed line stays in sight, and the status line still fits")
    func resized() {
        let stage = Self.wideStage
        #expect(stage > 0)
        let state = DemoState(step: Self.wideStep, stage: stage)
        let narrow = Self.layout(pageHeight: 19, width: 49)
        let visible = Self.revealed(Self.wideStep, width: 49).visibleLineCounts[stage]
        #expect(visible > 19)
        let wide = Self.layout(pageHeight: 29, width: 99)
        #expect(Self.revealed(Self.wideStep, width: 99).visibleLineCounts[stage] <= 29, "all in sight before")
        #expect(state.resized(from: wide, to: narrow).scroll == visible - 19)
        #expect(state.resized(from: narrow, to: Self.layout(pageHeight: 200, width: 99)).scroll == 0)
        // The top of a long step, its end out of sight, stays at the top.
        #expect(DemoState(step: 1).resized(from: wide, to: narrow).scroll == 0)
        let screen = DemoScreen(size: WindowSize(columns: 50, rows: 20), usesColor: false)
        let revealed = Self.revealed(Self.wideStep, width: 49)
        let status = screen.statusLine(state, revealed: revealed, stepCount: 15)
        #expect(
            status.contains("step \(Self.wideStep)/15 · line \(stage + 1)/\(revealed.stageCount)")
                && VisibleText.width(status) == 49, "\(status)")
    }

    @Test("lines wider than a narrow window are cut with › and can be scrolled sideways with >")
    func sideways() {
        let layout = Self.layout(pageHeight: 19, width: 49)
        let screen = DemoScreen(size: WindowSize(columns: 50, rows: 20), usesColor: false)
        let step = Self.revealed(Self.wideStep, width: 49)
        let stage = Self.wideStage
        var state = DemoState(step: Self.wideStep, stage: stage, scroll: step.visibleLineCounts[stage] - 19)
        let cut = screen.frame(state, revealed: step, stepCount: 15, previousNumbers: nil)
        #expect(cut.contains { $0.hasPrefix("δ⁽³⁾ = (Θ⁽³⁾ᵀδ⁽⁴⁾) ⊙ g′(z⁽³⁾)") && $0.hasSuffix("›") })
        #expect(!cut.joined().contains("dropped)"))
        #expect(cut.last?.contains("< >") == true, "\(cut.last ?? "")")
        state = state.handling(.character(">"), in: layout)
        #expect(state.column > 0)
        let shifted = screen.frame(state, revealed: step, stepCount: 15, previousNumbers: nil)
        #expect(shifted.contains { $0.hasPrefix("‹") && $0.contains("(bias column dropped)") }, "\(shifted)")
        #expect(shifted.allSatisfy { VisibleText.width($0) <= 49 })
        // No further than the widest line; back to 0 with < and on the next page.
        for _ in 0..<10 { state = state.handling(.character(">"), in: layout) }
        let widest = step.visibleLines(atStage: 5).map(VisibleText.width).max() ?? 0
        #expect(state.column == widest - 48)
        #expect(
            state.handling(.character("<"), in: layout).handling(.character("<"), in: layout).handling(
                .character("<"), in: layout
            ).column < state.column)
        #expect(state.handling(.end, in: layout).column == 0)
    }
}
