import BackpropCore
import BackpropRendering

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interactive demo on a real terminal: raw mode and the full screen, a loop that reads
/// keys, follows window resizes and redraws whole frames. What is drawn is `DemoScreen`'s;
/// what a key does is `DemoState`'s; this type only connects them to the terminal.
final class DemoSession {
    /// The title page and the steps, laid out for the window's width.
    private let pages: DemoPages
    /// Whether colour may be used.
    private let usesColor: Bool

    /// The page the demo opens at (`--step N`: that step's page; 0 the title page).
    private let firstPage: Int

    /// A session telling `narrator`'s lesson, its pages the chosen `steps`, opening at
    /// `firstPage`.
    init(narrator: Narrator, usesColor: Bool, steps: [Step] = Step.allCases, firstPage: Int = 0) {
        pages = DemoPages(narrator: narrator, usesColor: usesColor, steps: steps)
        self.usesColor = usesColor
        self.firstPage = firstPage
    }

    /// The screen for `size`, with the deck's step numbers and notation names.
    private func screen(_ size: WindowSize) -> DemoScreen {
        var screen = DemoScreen(size: size, usesColor: usesColor)
        screen.stepNumbers = pages.steps.count == Step.allCases.count ? nil : pages.steps.map(\.number)
        screen.notationNames = pages.notationNames
        return screen
    }

    /// How long to wait for the rest of an escape sequence before taking `ESC` alone (ms).
    static let escapeWait: Int32 = 50
    /// How long one wait for a key lasts before resizes are checked again (ms); a resize
    /// that lands outside `poll` does not interrupt it.
    static let pollInterval: Int32 = 200

    /// Runs until the learner quits or the terminal goes away; false when the terminal
    /// could not be put in raw mode (nothing was changed then).
    func run() -> Bool {
        WindowSize.watchResizes()
        guard RawTerminal.enter() else { return false }
        defer { RawTerminal.leave() }
        var size = WindowSize.current()
        var state = DemoState()
        state.step = firstPage
        var decoder = KeyDecoder()
        var previousNumbers: Set<String>? = nil
        var needsDrawing = true
        var buffer = [UInt8](repeating: 0, count: 256)
        while !state.isFinished {
            let pages = self.pages
            // Back from Ctrl-Z or SIGSTOP: raw mode and the full screen again, a whole frame,
            // and the window's size, which may have changed meanwhile.
            if RawTerminal.resumeIfContinued() {
                needsDrawing = true
                _ = WindowSize.takeResize()
                let old = self.screen(size)
                size = WindowSize.current()
                let new = self.screen(size)
                if old.isLargeEnough, new.isLargeEnough, old.size != new.size {
                    state = state.resized(from: layout(old), to: layout(new))
                }
            }
            if WindowSize.takeResize() {
                let old = self.screen(size)
                size = WindowSize.current()
                let new = self.screen(size)
                if old.isLargeEnough, new.isLargeEnough {
                    state = state.resized(from: layout(old), to: layout(new))
                }
                needsDrawing = true
            }
            let screen = self.screen(size)
            if needsDrawing {
                draw(state, on: screen, previousNumbers: previousNumbers)
                needsDrawing = false
            }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, decoder.hasPendingEscape ? Self.escapeWait : Self.pollInterval)
            var keys: [Key] = []
            if ready > 0 {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) {
                    break  // the terminal is gone
                }
                if count > 0 { keys = decoder.decode(Array(buffer[0..<count])) }
            } else if ready == 0, decoder.hasPendingEscape {
                keys = decoder.flushPendingEscape()
            }
            for key in keys {
                let next = state.handling(key, in: layout(screen))
                if next.view != state.view {
                    previousNumbers = PrintedNumbers.numbers(
                        in: pages.page(state.step, notation: state.notation, width: screen.textWidth)
                            .visibleLines(atStage: state.stage))
                }
                if next != state { needsDrawing = true }
                state = next
            }
        }
        return true
    }

    /// Draws the whole frame in one write: home, each line erased to its end, nothing below.
    private func draw(_ state: DemoState, on screen: DemoScreen, previousNumbers: Set<String>?) {
        let revealed =
            screen.isLargeEnough
            ? pages.page(state.step, notation: state.notation, width: screen.textWidth)
            : RevealedStep(lines: [], visibleLineCounts: [0])
        let lines = screen.frame(
            state, revealed: revealed, stepCount: pages.lastPage, previousNumbers: previousNumbers)
        TerminalOutput.send(
            TerminalSequence.home + lines.map { $0 + TerminalSequence.eraseLineEnd }.joined(separator: "\r\n")
                + TerminalSequence.eraseScreenEnd)
    }

    /// What the key map needs to know, for `screen`'s size.
    private func layout(_ screen: DemoScreen) -> DemoState.Layout {
        let pages = self.pages
        return DemoState.Layout(
            stepCount: pages.lastPage, pageHeight: screen.pageHeight, pageWidth: screen.textWidth,
            revealed: { pages.page($0, notation: $1, width: screen.textWidth) },
            stepNumbers: screen.stepNumbers, notationCount: pages.narrators.count)
    }
}
