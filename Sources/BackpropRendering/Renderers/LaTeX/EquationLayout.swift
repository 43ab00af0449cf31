/// How an `Equation` is laid out on a page of a given width: the font size, and each line
/// split at top-level operators when even the smallest size is too wide.
///
/// Widths are estimates in em (see `MathWidth`); the LaTeX compile tests check the estimate
/// against pdflatex's overfull-box report for every built-in lesson.
struct EquationLayout {
    /// A font size a displayed equation may be set in, largest first.
    enum Size: CaseIterable {
        case normal, small, footnote, script

        /// Its size relative to the document's normal size.
        var scale: Double {
            switch self {
            case .normal: return 1
            case .small: return 0.9
            case .footnote: return 0.8
            case .script: return 0.7
            }
        }

        /// The LaTeX size command (empty for the normal size).
        var command: String {
            switch self {
            case .normal: return ""
            case .small: return "\\small"
            case .footnote: return "\\footnotesize"
            case .script: return "\\scriptsize"
            }
        }
    }

    /// Where an equation is set: the article (10 pt) or slides (11 pt), whose smaller sizes
    /// shrink math by different amounts (`TeXMetrics`).
    enum Setting {
        case article, slides

        /// How wide math set in `size` is, relative to the normal size, as TeX measured it.
        func widthScale(_ size: Size) -> Double {
            let index = Size.allCases.firstIndex(of: size) ?? 0
            let scales = self == .slides ? TeXMetrics.slideSizeScales : TeXMetrics.articleSizeScales
            return index < scales.count ? scales[index] : size.scale
        }
    }

    /// One printed line of an equation.
    struct Line {
        /// The left-hand side (only on the first line; empty after).
        var lhs: String
        /// The relation and expression, or a continuation starting with an operator.
        var body: String
        /// A comment set beside the line.
        var comment: String?
        /// Which of the equation's steps this line belongs to (0-based), for overlays.
        var step: Int
        /// Whether this line continues the previous one.
        var isContinuation: Bool
        /// Later steps set on this same line after `body` (slides join a short chain of steps,
        /// `= … = …`, onto one line), each with its step for overlays and its own comment.
        var following: [(step: Int, body: String, comment: String?)] = []

        /// The last step this line shows.
        var lastStep: Int { following.last?.step ?? step }
        /// Every step this line shows.
        var steps: [Int] { [step] + following.map(\.step) }
    }

    /// `MathWidth` sums TeX's own widths (`TeXMetrics`) but not every kern and script
    /// offset; an equation must fit the budget with this factor to spare.
    static let safetyMargin = 1.05
    /// The most lines breaking may add to an equation on a slide to keep it above 8 pt.
    static let mostExtraLines = 2
    /// Em reserved at the start of a continuation line (its `\quad`).
    static let continuationIndent = 2.0
    /// The width of the `\quad` a continuation line starts with, in em.
    static let quadWidth = 1.0
    /// Em per character of a comment set beside a line, and the gap before it.
    static let commentCharacterWidth = 0.45
    static let commentGap = 2.0

    var size: Size
    /// How wide the equation is at `size` relative to the normal size (`Setting.widthScale`).
    var widthScale: Double
    var lines: [Line]
    /// The estimated width of the widest line, in em at the normal size.
    var width: Double

    /// Lays out `equation` for a line `budget` em wide. With `joiningSteps`, consecutive steps
    /// that fit one line together share it (`δ = a − y = [ … ] − [ … ] = [ … ]`): slides save
    /// height this way; a step broken over lines is never joined.
    init(
        _ equation: Equation, writer: LaTeXMathWriter, budget: Double, sizes: [Size] = Size.allCases,
        joiningSteps: Bool = false, setting: Setting = .article
    ) {
        let format = writer.format
        let givenBudget = budget
        let budget = budget / Self.safetyMargin
        // `aligned` sets its rows a little wider than the bare formula (TeX's own measure).
        let lhsWidth = MathWidth.of(equation.lhs, format: format) + TeXMetrics.alignedOverhead
        // align* sets every comment in one column after the widest line, so a comment on a
        // narrow line still adds its width to the widest one; slides end a step's own line with
        // its comment, so only that line is wider.
        let widestComment =
            equation.steps.compactMap {
                $0.comment.map { Self.commentGap + Self.commentCharacterWidth * Double($0.count) }
            }
            .max() ?? 0
        func commentWidth(_ step: Equation.Step) -> Double {
            guard setting == .slides else { return widestComment }
            return step.comment.map { Self.commentGap + Self.commentCharacterWidth * Double($0.count) } ?? 0
        }
        func stepWidth(_ step: Equation.Step) -> Double {
            MathWidth.of(.op(step.relation), format: format) + MathWidth.of(step.expression, format: format)
                + commentWidth(step)
        }
        let widest = lhsWidth + (equation.steps.map(stepWidth).max() ?? 0)
        let lhs = writer.write(equation.lhs)
        let unbroken = sizes.first { widest * setting.widthScale($0) <= budget }
        // The narrowest line a step can be broken into: its widest item after an operator (with
        // `openingGroups`, a parenthesised group's own widest item).
        func narrowest(_ step: Equation.Step, openingGroups: Bool) -> Double {
            guard let items = OperatorBreaking.items(of: step.expression) else {
                return stepWidth(step) - commentWidth(step)
            }
            let itemWidth = { (item: Math) in MathWidth.of(item, format: format) }
            return items.map { item in
                let inner = openingGroups ? Self.innerItems(of: item)?.map(itemWidth).max() : nil
                return (inner.map { $0 + 2 * Self.parenthesisWidth } ?? itemWidth(item)) + TeXMetrics.binaryOperator
            }.max() ?? 0
        }
        // Too wide unbroken at every size: broken in the largest size whose lines can each fit
        // (a broken 10 pt line reads better than a broken 8 pt one), keeping groups whole if a
        // size allows it.
        func breakingSize(openingGroups: Bool) -> Size? {
            sizes.first { size in
                let room = budget / setting.widthScale(size)
                return equation.steps.allSatisfy { step in
                    lhsWidth + stepWidth(step) <= room
                        || narrowest(step, openingGroups: openingGroups)
                            <= room - lhsWidth - Self.continuationIndent - commentWidth(step)
                }
            }
        }
        // A smaller unbroken line loses to the same line broken at a larger size: in an article
        // to one broken at the full size (N4: 10 pt wherever it fits), on slides any size above
        // 8 pt (issue 23, N1: 8 pt only where nothing larger fits).
        var chosen = unbroken
        if let unbroken, unbroken != sizes.first,
            let broken = breakingSize(openingGroups: false) ?? breakingSize(openingGroups: true)
        {
            let rank = { (size: Size) in Size.allCases.firstIndex(of: size) ?? 0 }
            switch setting {
            case .article: if broken == sizes.first { chosen = nil }
            case .slides:
                // On slides only when that costs at most `mostExtraLines`: a derivation broken
                // into many lines would spread over frames.
                if unbroken == .script, rank(broken) < rank(.script) {
                    let larger = EquationLayout(
                        equation, writer: writer, budget: givenBudget, sizes: sizes.filter { $0 != .script },
                        joiningSteps: joiningSteps, setting: setting)
                    if larger.lines.count <= equation.steps.count + Self.mostExtraLines {
                        self = larger
                        return
                    }
                }
            }
        }
        let size =
            chosen ?? breakingSize(openingGroups: false) ?? breakingSize(openingGroups: true) ?? sizes.last ?? .normal
        var lines: [Line] = []
        var width = 0.0
        // The width of the line being joined to, when it holds whole steps only.
        var joinableWidth: Double?
        for (index, step) in equation.steps.enumerated() {
            let comment = step.comment.map(writer.text)
            let firstLHS = index == 0 ? lhs : ""
            let relation = step.relation.latex.trimmingSpaces
            if chosen == nil, lhsWidth + stepWidth(step) > budget / setting.widthScale(size),
                let items = OperatorBreaking.items(of: step.expression)
            {
                // Too wide at the smallest size: break before top-level operators, packing whole
                // segments (an operator with the term after it) into lines that fit.
                let available =
                    budget / setting.widthScale(size) - lhsWidth - Self.continuationIndent - commentWidth(step)
                let itemWidth = { (item: Math) in MathWidth.of(item, format: format) }
                // Products are kept whole at first: opening a wide parenthesised factor reads
                // better than starting a line with "· 0.2495".
                let segments = Self.openingGroups(
                    OperatorBreaking.segments(items, available: .infinity, width: itemWidth), available: available,
                    width: itemWidth)
                var chunks: [[Piece]] = [[]]
                var chunkWidth = itemWidth(.op(step.relation))
                for segment in segments {
                    let segmentWidth = segment.reduce(0) { $0 + $1.width(itemWidth) }
                    if !(chunks.last ?? []).isEmpty, chunkWidth + segmentWidth > available {
                        chunks.append([])
                        chunkWidth = Self.quadWidth
                    }
                    chunks[chunks.count - 1] += segment
                    chunkWidth += segmentWidth
                }
                for (chunkIndex, chunk) in chunks.enumerated() {
                    let body = Self.write(chunk, writer: writer)
                    if chunkIndex == 0 {
                        lines.append(
                            Line(
                                lhs: firstLHS, body: "\(relation) " + body, comment: nil, step: index,
                                isContinuation: false))
                    } else {
                        lines.append(
                            Line(lhs: "", body: "\\quad {}" + body, comment: nil, step: index, isContinuation: true))
                    }
                    width = max(
                        width,
                        lhsWidth + commentWidth(step) + chunk.reduce(Self.continuationIndent) { $0 + $1.width(itemWidth) })
                }
                // A step's comment ("bias row dropped") ends the step's first line, beside what it
                // is about, as in the terminal.
                if let comment { lines[lines.count - chunks.count].comment = comment }
                joinableWidth = nil
            } else if joiningSteps, index > 0, let lineWidth = joinableWidth,
                case let joined = lineWidth + stepWidth(step) - (comment == nil ? commentWidth(step) : 0),
                joined <= budget / setting.widthScale(size)
            {
                // The line's room for one comment is counted once; a second comment adds its own.
                lines[lines.count - 1].following.append(
                    (step: index, body: "\(relation) " + writer.write(step.expression), comment: comment))
                joinableWidth = joined
                width = max(width, joined)
            } else {
                joinableWidth = lhsWidth + stepWidth(step)
                lines.append(
                    Line(
                        lhs: firstLHS, body: "\(relation) " + writer.write(step.expression), comment: comment,
                        step: index, isContinuation: false))
                width = max(width, lhsWidth + stepWidth(step))
            }
        }
        self.size = size
        self.widthScale = setting.widthScale(size)
        self.lines = lines
        self.width = width
    }
}

/// Breaking inside parentheses: a group such as (delta · Wᵀ) in (delta · Wᵀ) ⊙ g′(net), whose
/// numbers alone are wider than a line, is opened so that its line may break before its inner
/// operators. Each printed line closes what it opens (`\left( … \right.`, `\left. … \right)`),
/// so the parentheses grow with a matrix on every line.
extension EquationLayout {
    /// A piece of a broken line: an item of the expression, or one parenthesis of an opened group.
    enum Piece {
        case math(Math)
        case open, close

        /// Its estimated width in em.
        func width(_ of: (Math) -> Double) -> Double {
            switch self {
            case .math(let m): return of(m)
            case .open, .close: return EquationLayout.parenthesisWidth
            }
        }
    }

    /// The width of one parenthesis, in em.
    static let parenthesisWidth = 0.5

    /// `segments` as pieces; a segment wider than `available` whose widest parenthesised row is
    /// most of it becomes its items before the group, the group's own segments (before +, − and
    /// ⊙; before · only when one product alone is wider than `available`), and its items after;
    /// any other segment that wide breaks before its ·.
    static func openingGroups(_ segments: [[Math]], available: Double, width: (Math) -> Double) -> [[Piece]] {
        segments.flatMap { segment -> [[Piece]] in
            // Without a group to open, a product too wide for the line breaks before its ·.
            let plain = OperatorBreaking.segments(segment, available: available, width: width).map {
                $0.map(Piece.math)
            }
            guard segment.reduce(0, { $0 + width($1) }) > available,
                let index = segment.indices.filter({ innerItems(of: segment[$0]) != nil }).max(by: {
                    width(segment[$0]) < width(segment[$1])
                }),
                // The group is most of the segment (opening a small one would not shorten it).
                2 * width(segment[index]) > segment.reduce(0, { $0 + width($1) }),
                let inner = innerItems(of: segment[index])
            else { return plain }
            var groups = OperatorBreaking.segments(inner, available: available, width: width).map { $0.map(Piece.math) }
            guard groups.count > 1 else { return plain }
            groups[0] = segment[..<index].map(Piece.math) + [.open] + groups[0]
            groups[groups.count - 1] += [.close] + segment[(index + 1)...].map(Piece.math)
            return groups
        }
    }

    /// The items inside `item` when it prints as parentheses around a row of several items.
    static func innerItems(of item: Math) -> [Math]? {
        guard case .parenthesized(let inner) = item.layout, let items = OperatorBreaking.items(of: inner),
            items.count > 1
        else { return nil }
        return items
    }

    /// The LaTeX of one broken line, each parenthesis it opens or closes paired with an
    /// invisible one (`\right.`, `\left.`) on this line.
    static func write(_ pieces: [Piece], writer: LaTeXMathWriter) -> String {
        var text = ""
        var run: [Math] = []
        var depth = 0
        var unopened = 0
        func flush() {
            if !run.isEmpty { text = LaTeXEscaping.joined(text, writer.write(.row(run))) }
            run = []
        }
        for piece in pieces {
            switch piece {
            case .math(let m): run.append(m)
            case .open:
                flush()
                text += "\\left("
                depth += 1
            case .close:
                flush()
                text += "\\right)"
                if depth > 0 { depth -= 1 } else { unopened += 1 }
            }
        }
        flush()
        return String(repeating: "\\left.", count: unopened) + text + String(repeating: "\\right.", count: depth)
    }
}

extension EquationLayout {
    /// The sizes each equation in `blocks` may take (keyed by block index), so that equations
    /// of one kind, whose left-hand sides differ only in their indices (Θ⁽¹⁾ and Θ⁽²⁾, z⁽²⁾₁ and
    /// z⁽³⁾₁), are set in one size: the smallest any of them needs.
    static func sharedSizes(_ blocks: [Block], writer: LaTeXMathWriter, budget: Double) -> [Int: [Size]] {
        var rank: [Int: Int] = [:]
        var kinds: [Int: String] = [:]
        var smallest: [String: Int] = [:]
        for (index, block) in blocks.enumerated() {
            guard case .equation(let equation) = block else { continue }
            let layout = EquationLayout(equation, writer: writer, budget: budget)
            let position = Size.allCases.firstIndex(of: layout.size) ?? 0
            let kind = String(writer.write(equation.lhs).filter { !$0.isNumber })
            rank[index] = position
            kinds[index] = kind
            smallest[kind] = max(smallest[kind] ?? 0, position)
        }
        var sizes: [Int: [Size]] = [:]
        for (index, kind) in kinds {
            sizes[index] = Array(Size.allCases[(smallest[kind] ?? rank[index] ?? 0)...])
        }
        return sizes
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
