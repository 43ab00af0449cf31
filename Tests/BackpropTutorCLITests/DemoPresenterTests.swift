import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// The presenter controls of issue 22 in `demo` (classroom review F1, F9–F11): `n` for the
/// notation, `b` to blank, `--step` and `--steps`, a title page without answers, a readable
/// measure on wide windows; the state machine here, the real terminal in `DemoPresenterTerminalTests`.
@Suite struct DemoPresenterTests {
    static func pages(_ lesson: String, steps: [Step] = Step.allCases) throws -> DemoPages {
        let lesson = try LessonFixtures.lesson(lesson)
        let narrator = Narrator(trace: Tracer.trace(lesson), notation: NotationName(rawValue: lesson.notation))
        return DemoPages(narrator: narrator, usesColor: false, steps: steps)
    }

    static func layout(_ pages: DemoPages, width: Int = 99) -> DemoState.Layout {
        DemoState.Layout(
            stepCount: pages.lastPage, pageHeight: 29, pageWidth: width,
            revealed: { pages.page($0, notation: $1, width: width) },
            stepNumbers: pages.steps.count == 15 ? nil : pages.steps.map(\.number), notationCount: pages.narrators.count)
    }

    @Test("n tells the same step, at the same reveal, in each notation in turn, then the first again")
    func notationKey() throws {
        let pages = try Self.pages("mazur")
        let layout = Self.layout(pages)
        #expect(pages.notationNames.first == "mazur" && Set(pages.notationNames) == Set(NotationName.allCases.map(\.rawValue)))
        var state = DemoState(step: 6).handling(.right, in: layout)
        let stage = state.stage
        var seen: [String] = []
        for _ in pages.narrators.indices {
            seen.append(pages.page(state.step, notation: state.notation, width: 99).lines.joined(separator: "\n"))
            state = state.handling(.character("n"), in: layout)
            #expect(state.step == 6 && state.stage == stage)
        }
        #expect(state.notation == 0, "n wraps round to the first notation")
        #expect(Set(seen).count == pages.narrators.count, "each notation prints the step differently")
        #expect(seen[0].contains("outₕ") && seen.contains { $0.contains("a⁽²⁾") })
    }

    @Test("b blanks the whole screen; any key brings it back without moving; q still quits")
    func blankKey() throws {
        let pages = try Self.pages("ng-lecture")
        let layout = Self.layout(pages)
        let screen = DemoScreen(size: WindowSize(columns: 100, rows: 30), usesColor: false)
        let shown = DemoState(step: 6, stage: 2)
        let blank = shown.handling(.character("b"), in: layout)
        #expect(blank.isBlank)
        let frame = screen.frame(blank, revealed: pages.page(6, width: 99), stepCount: 15, previousNumbers: nil)
        #expect(frame.count == 30 && frame.allSatisfy(\.isEmpty))
        let back = blank.handling(.right, in: layout)
        #expect(!back.isBlank && back.step == 6 && back.stage == 2)
        #expect(blank.handling(.character("q"), in: layout).isFinished)
    }

    @Test("--steps 6,10-12: → and ← stay within the steps; a typed step outside them is refused by name")
    func chosenSteps() throws {
        let chosen = [Step.feedforward, .outputError, .hiddenError, .backpropagation]
        let pages = try Self.pages("ng-lecture", steps: chosen)
        let layout = Self.layout(pages)
        #expect(pages.page(1, width: 99).lines.first == "Step 6 · Feedforward")
        var state = DemoState(step: 1)
        state = state.handling(.character("1"), in: layout).handling(.character("1"), in: layout).handling(.enter, in: layout)
        #expect(state.step == 3 && pages.page(3, width: 99).lines.first?.hasPrefix("Step 11") == true)
        state = state.handling(.character("9"), in: layout).handling(.enter, in: layout)
        #expect(state.step == 3 && state.notice == "step 9 is not in this demo: its steps are 6, 10–12")
        state = state.handling(.end, in: layout)
        #expect(state.step == 4)
        var screen = DemoScreen(size: WindowSize(columns: 100, rows: 30), usesColor: false)
        screen.stepNumbers = chosen.map(\.number)
        screen.notationNames = pages.notationNames
        let status = screen.statusLine(state, revealed: pages.page(4, width: 99), stepCount: 4)
        #expect(status.contains("step 12 (4 of 4)") && status.contains(" · ng"), "\(status)")
    }

    @Test("the title page shows the inputs and the starting weights, and no activation or error (F1)")
    func titlePageWithoutAnswers() throws {
        let pages = try Self.pages("mazur")
        let title = pages.page(0, width: 99).lines.joined(separator: "\n")
        let trace = Tracer.trace(try LessonFixtures.lesson("mazur"))
        let sample = trace.samples[0]
        for value in sample.a.dropFirst().flatMap({ $0 }) + sample.delta.flatMap({ $0 }) {
            #expect(!title.contains(String(format: "%.4f", abs(value))), "the title page gives away \(value)")
        }
        #expect(title.contains("0.05") && title.contains("0.40") && title.contains("0.15"), "\(title)")
    }

    @Test("on a wide window paragraphs keep a readable measure; tables may use the width (F11)")
    func proseMeasure() throws {
        let pages = try Self.pages("ng-lecture")
        let narrator = pages.narrators[0]
        var renderer = TextRenderer(width: 159)
        renderer.proseWidth = DemoPages.proseMeasure
        var longest = 0
        for step in [Step.network, .feedforward, .hiddenError] {
            for case .paragraph(let items) in narrator.section(step).blocks {
                let text = renderer.fragment(Section(number: 1, title: "", blocks: [.paragraph(items)]))
                let lines = text.split(separator: "\n").dropFirst(2).map(String.init)
                longest = max(longest, lines.map(VisibleText.width).max() ?? 0)
            }
        }
        #expect(longest <= DemoPages.proseMeasure && longest > 70, "longest paragraph line: \(longest)")
        // The demo's own pages are laid out so: step 1's notation paragraph wraps before 91.
        let page = pages.page(1, width: 159).lines
        #expect(page.contains { $0.hasPrefix("Notation:") && VisibleText.width($0) <= DemoPages.proseMeasure })
    }
}

/// The same controls on a real pseudo-terminal.
@Suite("demo presenter keys on a terminal", .serialized)
struct DemoPresenterTerminalTests {
    @Test("--steps and --step open at that step; n names the next notation; b blanks and a key brings it back")
    func presenterKeys() throws {
        let binary = try #require(BinaryTests.binary, "build the binary first: swift build --product backprop-tutor")
        let terminal = try PseudoTerminal(columns: 100, rows: 30)
        try terminal.start(binary, ["demo", "--steps", "6,10-12", "--step", "10"])
        #expect(terminal.wait(for: "step 10 (2 of 4)", after: 0), "\(terminal.text().suffix(600))")
        terminal.press("n", expecting: "step 10 (2 of 4) · line 1/3 · nielsen")
        let offset = terminal.output.count
        terminal.type("b")
        // The blank frame: home, then only erased lines, no status line.
        #expect(terminal.wait(for: "\u{1B}[J", after: offset))
        #expect(!terminal.text(from: offset).contains("step 10"))
        terminal.press("x", expecting: "step 10 (2 of 4) · line 1/3 · nielsen")
        terminal.press("\u{1B}[C", expecting: "line 2/")
        terminal.type("q")
        #expect(terminal.waitForExit()?.status == 0)
    }

    @Test("keys typed before the demo takes the terminal (while a large lesson loads) are kept (F10)")
    func typeAhead() throws {
        let binary = try #require(BinaryTests.binary, "build the binary first: swift build --product backprop-tutor")
        let terminal = try PseudoTerminal(columns: 100, rows: 30)
        // Typed before the process even starts: the keys wait in the terminal's line buffer, as
        // they do while `demo --lesson digits` traces its lesson; raw mode must not flush them.
        terminal.type("3\r")
        try terminal.start(binary, ["demo"])
        #expect(terminal.wait(for: "step 3/15", after: 0, timeout: 60), "\(terminal.text().suffix(600))")
        terminal.type("q")
        #expect(terminal.waitForExit()?.status == 0)
    }

    @Test("--step outside --steps is a usage error")
    func stepOutsideSteps() {
        let output = BackpropTutor.execute(["demo", "--steps", "6-8", "--step", "12"])
        #expect(output.exitCode == 64 && output.standardError.contains("'--step 12' is not among --steps 6–8"))
    }
}
