import BackpropTutorCLI
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `demo` on a real pseudo-terminal: keys in, frames out, and the terminal exactly as it was
/// afterwards, however the demo ends.
@Suite("demo on a terminal", .serialized)
struct DemoTerminalTests {
    static let alternateScreenOn = "\u{1B}[?1049h"
    static let screenRestored = "\u{1B}[?25h\u{1B}[?1049l"

    /// Starts `demo` on a 100 × 30 pseudo-terminal and waits for its first frame; returns the
    /// terminal and its settings before the demo started.
    static func started(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> (
        PseudoTerminal, termios
    ) {
        let binary = try #require(BinaryTests.binary, "build the binary first: swift build --product backprop-tutor")
        let terminal = try PseudoTerminal(columns: 100, rows: 30)
        let before = terminal.settings()
        try terminal.start(binary, ["demo"] + arguments, environment: environment)
        let drawn = terminal.wait(for: " title page ", after: 0)
        #expect(drawn, "no first frame: \(terminal.text().debugDescription.prefix(800))")
        return (terminal, before)
    }

    /// The terminal is back: raw mode off (settings as before), the cursor shown and the
    /// main screen back, after the last switch to the alternate screen.
    static func expectRestored(
        _ terminal: PseudoTerminal, before: termios, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(sameSettings(terminal.settings(), before), "terminal settings differ", sourceLocation: sourceLocation)
        let text = terminal.text()
        let entered = text.range(of: alternateScreenOn, options: .backwards)
        let left = text.range(of: screenRestored, options: .backwards)
        #expect(entered != nil, "never entered the alternate screen", sourceLocation: sourceLocation)
        #expect(
            left.map { l in entered.map { l.lowerBound > $0.lowerBound } ?? false } == true,
            "the main screen and the cursor were not restored at the end", sourceLocation: sourceLocation)
    }

    @Test("next, back, jump, home, end, help and quit; the terminal is restored")
    func keys() throws {
        let (terminal, before) = try Self.started()
        // Raw while it runs: no line editing, no echo (so the comparison below means something).
        #expect(before.c_lflag & tcflag_t(ICANON) != 0)
        #expect(terminal.settings().c_lflag & tcflag_t(ICANON | ECHO) == 0, "the demo did not enter raw mode")
        #expect(terminal.text().contains("A four-layer network in Ng's notation"))
        terminal.press("1\r", expecting: "step 1/15")
        #expect(terminal.text().contains("Step 1 · The network and its matrices"))

        terminal.press("6\r", expecting: "step 6/15 · line 1/")
        #expect(terminal.text().contains("Step 6 · Feedforward"))
        terminal.press(" ", expecting: "step 6/15 · line 2/")
        terminal.press(" ", expecting: "step 6/15 · line 3/")
        terminal.press("\u{1B}OC", expecting: "step 6/15 · line 4/")  // → in application cursor mode
        terminal.press("\u{1B}[D", expecting: "step 6/15 · line 3/")  // ←
        terminal.press("\u{1B}[D", expecting: "step 6/15 · line 2/")  // ←
        terminal.press("\u{1B}[D\u{1B}[D", expecting: "step 5/15")  // back past the first line: step 5
        terminal.press("\u{1B}[F", expecting: "step 15/15")  // End
        terminal.press("\u{1B}[H", expecting: " title page ")  // Home
        terminal.press("12\r", expecting: "Step 12 · Backpropagation for one sample")
        terminal.press("99\r", expecting: "there is no step 99: the steps are 1 to 15")
        terminal.press("?", expecting: "any key closes the help")
        #expect(terminal.text().contains("1–15 then Enter  go to that step"))
        terminal.press("x", expecting: "step 12/15")

        let offset = terminal.text().utf8.count
        terminal.type("q")
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .exit && exit?.status == 0, "q: \(String(describing: exit))")
        #expect(terminal.text(from: offset).contains(Self.screenRestored))
        Self.expectRestored(terminal, before: before)
    }

    @Test("a resized window is redrawn for the new size")
    func resize() throws {
        let (terminal, before) = try Self.started()
        terminal.press("1\r", expecting: "rows 1–29/")
        terminal.resize(columns: 60, rows: 20)
        let offset = terminal.text().utf8.count
        kill(terminal.processIdentifier, SIGWINCH)
        #expect(terminal.wait(for: "rows 1–19/", after: offset), "\(terminal.text(from: offset).suffix(400))")
        // Re-wrapped for 59 columns: the step's first paragraph breaks earlier than at 99.
        #expect(terminal.text(from: offset).contains("Notation: Ng — layers l = 1…L; Θ⁽ˡ⁾ maps layer l to l + 1,"))
        terminal.type("q")
        #expect(terminal.waitForExit()?.status == 0)
        Self.expectRestored(terminal, before: before)
    }

    @Test("Ctrl-C quits cleanly")
    func controlC() throws {
        let (terminal, before) = try Self.started()
        terminal.type("\u{03}")
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .exit && exit?.status == 0, "\(String(describing: exit))")
        Self.expectRestored(terminal, before: before)
    }

    @Test(
        "SIGTERM, SIGINT from outside and a crash (SIGSEGV) restore the terminal, then end the process by the signal",
        arguments: [SIGTERM, SIGINT, SIGSEGV])
    func signals(signalNumber: Int32) throws {
        let (terminal, before) = try Self.started()
        kill(terminal.processIdentifier, signalNumber)
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .uncaughtSignal && exit?.status == signalNumber, "\(String(describing: exit))")
        Self.expectRestored(terminal, before: before)
    }

    @Test("NO_COLOR: new numbers are bold, never coloured")
    func noColor() throws {
        let (terminal, before) = try Self.started(environment: ["NO_COLOR": "1"])
        terminal.press("7\r", expecting: "step 7/15")
        terminal.press("\u{1B}[C", expecting: "step 7/15 · line 2/")
        let text = terminal.text()
        #expect(text.contains("\u{1B}[1m0."), "no bold number")
        #expect(!text.contains("\u{1B}[1;33m"), "coloured despite NO_COLOR")
        terminal.type("q")
        _ = terminal.waitForExit()
        Self.expectRestored(terminal, before: before)
    }

    @Test("stdin a terminal but stdout a pipe: every step as plain text, exit 0")
    func stdoutPipe() throws {
        let binary = try #require(BinaryTests.binary)
        let terminal = try PseudoTerminal(columns: 100, rows: 30)
        let pipe = Pipe()
        try terminal.start(binary, ["demo", "--lesson", "mazur"], standardOutput: pipe)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .exit && exit?.status == 0)
        let text = String(decoding: data, as: UTF8.self)
        for step in 1...15 { #expect(text.contains("Step \(step) · "), "step \(step) missing") }
        #expect(!text.contains("\u{1B}"), "escape sequences in piped output")
    }

    @Test("TERM=dumb: a terminal that cannot move the cursor gets the plain text, exit 0")
    func dumbTerminal() throws {
        let binary = try #require(BinaryTests.binary)
        let terminal = try PseudoTerminal(columns: 100, rows: 30)
        try terminal.start(binary, ["demo", "--lesson", "xor"], environment: ["TERM": "dumb"])
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .exit && exit?.status == 0)
        let text = terminal.text()
        #expect(text.contains("Step 15 · "))
        #expect(!text.contains("\u{1B}[?1049h"), "entered the full screen on a dumb terminal")
    }
}
