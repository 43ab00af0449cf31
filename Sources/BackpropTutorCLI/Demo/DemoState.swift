import BackpropRendering

/// Where the demo is: which page, how much of it is revealed, how far it is scrolled, in which
/// notation, and what the keyboard is in the middle of. `handling(_:in:)` is the whole key map,
/// pure, so it is tested without a terminal. It is the presenter model README's "Presenter keys"
/// table writes down; the HTML page's script follows the same table.
struct DemoState: Equatable, Sendable {
    /// The page shown: 0 is the title page, 1… the steps of the deck (all 15, or `--steps`).
    var step = 0
    /// Which of the deck's notations the steps are told in (0: the one chosen at start).
    var notation = 0
    /// Whether the screen is blanked (`b`), as a projector's black screen.
    var isBlank = false
    /// The reveal stage of the step, from 0 (up to the first line of the first equation)
    /// to `stageCount − 1` (everything).
    var stage = 0
    /// The first line of the step shown at the top of the window.
    var scroll = 0
    /// The first column shown, when lines are wider than the window.
    var column = 0
    /// Whether the key help covers the screen.
    var isShowingHelp = false
    /// Digits typed towards a step number (Enter jumps).
    var typedStep = ""
    /// A one-line notice for the status line (cleared by the next key).
    var notice: String?
    /// Whether the learner asked to quit.
    var isFinished = false

    /// What the key map needs to know about the steps and the window.
    struct Layout {
        /// How many step pages there are (15, or as many as `--steps` chose); page 0, the title
        /// page, comes before them.
        var stepCount: Int
        /// How many lines of step text the window shows at once.
        var pageHeight: Int
        /// How many columns of step text the window shows at once.
        var pageWidth: Int = .max
        /// Page `page`'s stages in notation `notation` (page 0: the title page).
        var revealed: (_ page: Int, _ notation: Int) -> RevealedStep
        /// The lesson step each page 1… shows (nil: page k is step k).
        var stepNumbers: [Int]? = nil
        /// How many notations `n` cycles through.
        var notationCount = 1

        /// The lesson step page `page` shows (0 for the title page).
        func stepNumber(ofPage page: Int) -> Int {
            guard page > 0, let stepNumbers else { return page }
            return stepNumbers[page - 1]
        }

        /// The page that shows lesson step `number`, if the deck has it.
        func page(ofStep number: Int) -> Int? {
            guard let stepNumbers else { return (1...stepCount).contains(number) ? number : nil }
            return stepNumbers.firstIndex(of: number).map { $0 + 1 }
        }
    }

    /// The view this state shows: step and stage (scrolling does not change it).
    var view: DemoView { DemoView(step: step, stage: stage) }

    /// The state after `key`.
    func handling(_ key: Key, in layout: Layout) -> DemoState {
        var next = self
        next.notice = nil
        next.apply(key, in: layout)
        next.clampScroll(in: layout)
        return next
    }

    private mutating func apply(_ key: Key, in layout: Layout) {
        if key == .interrupt || key == .endOfText {
            isFinished = true
            return
        }
        if isShowingHelp {
            isShowingHelp = false
            return
        }
        // A blank screen comes back with any key, which does nothing else (q still quits).
        if isBlank {
            isBlank = false
            if key == .character("q") || key == .character("Q") { isFinished = true }
            return
        }
        if !typedStep.isEmpty {
            switch key {
            case .character(let c) where c.isASCII && c.isNumber:
                if typedStep.count < 3 { typedStep.append(c) }
                return
            case .backspace:
                typedStep.removeLast()
                return
            case .escape:
                typedStep = ""
                return
            case .enter:
                let typed = typedStep
                typedStep = ""
                if let number = Int(typed), let page = layout.page(ofStep: number) {
                    go(toStep: page)
                } else if let chosen = layout.stepNumbers {
                    notice = "step \(typed) is not in this demo: its steps are " + StepList.spoken(chosen)
                } else {
                    notice = "there is no step \(typed): the steps are 1 to \(layout.stepCount)"
                }
                return
            default:
                typedStep = ""
            }
        }
        let page = max(1, layout.pageHeight)
        switch key {
        case .right, .character(" "):
            forward(in: layout)
        case .left:
            backward(in: layout)
        case .character("n"), .character("N"):
            // The same step and reveal, told in the next notation: same numbers, other labels.
            notation = (notation + 1) % max(1, layout.notationCount)
        case .character("b"), .character("B"):
            isBlank = true
        case .down, .character("j"):
            scroll += 1
        case .up, .character("k"):
            scroll -= 1
        case .pageDown:
            scroll += max(1, page - 1)
        case .pageUp:
            scroll -= max(1, page - 1)
        case .home:
            go(toStep: 0)
        case .end:
            go(toStep: layout.stepCount)
        case .character(">"), .character("l"):
            column += max(1, min(layout.pageWidth, 1000) / 2)
        case .character("<"), .character("h"):
            column -= max(1, min(layout.pageWidth, 1000) / 2)
        case .character("?"):
            isShowingHelp = true
        case .character("q"), .character("Q"):
            isFinished = true
        case .character(let c) where c.isASCII && c.isNumber:
            typedStep = String(c)
        case .character, .enter, .backspace, .escape, .unknown, .interrupt, .endOfText:
            break
        }
    }

    /// The same view in a resized window: if the last revealed line was in sight (the line
    /// the class was looking at), it stays in sight; otherwise the scroll position is kept.
    func resized(from old: Layout, to new: Layout) -> DemoState {
        func visibleCount(_ layout: Layout) -> Int {
            let shape = layout.revealed(step, notation)
            return shape.visibleLineCounts[min(stage, shape.stageCount - 1)]
        }
        var next = self
        if scroll + max(1, old.pageHeight) >= visibleCount(old) {
            next.scroll = visibleCount(new) - max(1, new.pageHeight)
        }
        next.clampScroll(in: new)
        return next
    }

    /// Next: show the rest of what is revealed if it is below the window, else reveal the
    /// next line, else go to the next step.
    private mutating func forward(in layout: Layout) {
        let shape = layout.revealed(step, notation)
        let visible = shape.visibleLineCounts[min(stage, shape.stageCount - 1)]
        let page = max(1, layout.pageHeight)
        if scroll + page < visible {
            scroll = min(scroll + max(1, page - 1), visible - page)
        } else if stage + 1 < shape.stageCount {
            stage += 1
            // Keep the newly revealed lines in the window.
            scroll = max(scroll, shape.visibleLineCounts[stage] - page)
        } else if step < layout.stepCount {
            go(toStep: step + 1)
        } else {
            notice = "this is the last step; ← goes back, q quits"
        }
    }

    /// Back: hide the last revealed line, or go to the previous step fully revealed, at its end.
    private mutating func backward(in layout: Layout) {
        if stage > 0 {
            stage -= 1
        } else if step > 0 {
            step -= 1
            let shape = layout.revealed(step, notation)
            stage = shape.stageCount - 1
            scroll = shape.visibleLineCounts[stage] - max(1, layout.pageHeight)
        } else {
            notice = "this is the title page; → goes on, q quits"
        }
    }

    private mutating func go(toStep number: Int) {
        step = number
        stage = 0
        scroll = 0
        column = 0
    }

    /// Scrolling stays within what is revealed, sideways too.
    private mutating func clampScroll(in layout: Layout) {
        let shape = layout.revealed(step, notation)
        stage = min(max(stage, 0), shape.stageCount - 1)
        let visible = shape.visibleLineCounts[stage]
        scroll = max(0, min(scroll, visible - max(1, layout.pageHeight)))
        let widest = shape.visibleLines(atStage: stage).map(VisibleText.width).max() ?? 0
        // Shifted, the first column shows ‹, so the last start that still shows the end of
        // the widest line is one further.
        let pageWidth = max(1, layout.pageWidth)
        column = max(0, min(column, widest > pageWidth ? widest - pageWidth + 1 : 0))
    }
}

/// A page at a reveal stage: what "the previous view" means for highlighting numbers.
struct DemoView: Equatable, Hashable, Sendable {
    /// The page: 0 the title page, 1–15 the steps.
    var step: Int
    /// The reveal stage.
    var stage: Int
}
