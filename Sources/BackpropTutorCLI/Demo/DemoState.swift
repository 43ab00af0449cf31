import BackpropRendering

/// Where the demo is: which step, how much of it is revealed, how far it is scrolled, and
/// what the keyboard is in the middle of. `handling(_:in:)` is the whole key map, pure, so
/// it is tested without a terminal.
struct DemoState: Equatable, Sendable {
    /// The page shown: 0 is the title page, 1–15 the steps.
    var step = 0
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
        /// How many steps there are (15); page 0, the title page, comes before them.
        var stepCount: Int
        /// How many lines of step text the window shows at once.
        var pageHeight: Int
        /// How many columns of step text the window shows at once.
        var pageWidth: Int = .max
        /// Page `step`'s stages (0: the title page).
        var revealed: (_ step: Int) -> RevealedStep
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
                if let number = Int(typed), (1...layout.stepCount).contains(number) {
                    go(toStep: number)
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
        case .right, .character(" "), .character("n"):
            forward(in: layout)
        case .left, .character("b"):
            backward(in: layout)
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
            let shape = layout.revealed(step)
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
        let shape = layout.revealed(step)
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
            let shape = layout.revealed(step)
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
        let shape = layout.revealed(step)
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
