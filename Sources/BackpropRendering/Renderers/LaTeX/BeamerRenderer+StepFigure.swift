/// The network where the equations are (issue 23, N6): on steps 6 and 9–13 a small copy of the
/// figure, the layers the step works on highlighted, sits in a column right of the equations;
/// where no frame of the step has room for it, a frame of its own (`mapFrame`) opens the step.
///
/// The rule for the column: it may not cost the equations anything. A frame takes the figure
/// only when each of its equations, laid out in the width the figure leaves (TeX's widths,
/// `EquationLayout`), keeps the size and the lines it has in the full width, and its text,
/// wrapped in that width, still fits the frame's height. The small figure is drawn at the
/// frame's sizes (values and labels at 9 pt, above the 8 pt bar), without weights or bias
/// units; its units carry a (black) and, from step 9 on, δ (red) on the highlighted layers,
/// or no values when those do not fit (a large network: the figure is then a map).
extension BeamerRenderer {
    /// The small figure of one step, drawn once and set beside each frame that has room.
    struct StepFigure {
        /// The picture and its legend, as the column's LaTeX.
        var column: String
        /// The column's width as a share of the text width.
        var share: Double
        /// The picture's height with its legend, in cm.
        var height: Double
        /// The width left to the equations, in em of the 11 pt font.
        var equationBudget: Double

        /// The LaTeX that opens a frame's two columns and the equations' column.
        var opening: String {
            let left = LaTeXRenderer.decimal(1 - share - BeamerRenderer.stepFigureGap)
            return "\\begin{columns}[T,totalwidth=\\textwidth]\n\\begin{column}{\(left)\\textwidth}\n"
        }
        /// The LaTeX that closes the equations' column and sets the figure's column.
        var closing: String {
            // The figure shows on every overlay, whatever `\onslide` the equations left set.
            "\\end{column}\n\\begin{column}{\(LaTeXRenderer.decimal(share))\\textwidth}\n\\onslide<1->\n" + column
                + "\\end{column}\n\\end{columns}\n"
        }
    }

    /// The space between the equations' and the figure's columns, as a share of the text width.
    static let stepFigureGap = 0.03
    /// The widest the step's figure may be, as a share of the text width.
    static let widestStepFigure = 0.42
    /// The widths tried for the step's figure, narrowest first, as shares of the text width.
    static let stepFigureShares = [0.2, 0.24, 0.28, 0.32, 0.36, widestStepFigure]
    /// What the step's figure is given beyond its narrowest width, as a share of the text width.
    static let stepFigureAir = 0.05
    /// The height of the figure's legend (three lines of 9 pt text), in cm.
    static let stepLegendHeight = 1.25

    /// The layers (0-based, input first) a step works on, for the figure that opens it: the
    /// forward pass and the gradients every layer after the input, the output error the
    /// output layer, the passed-back error the hidden layers; nil for steps without one.
    static func activeLayers(step: Int, layerCount: Int) -> [Int]? {
        let last = layerCount - 1
        switch step {
        case 6, 12, 13: return Array(1...max(1, last))
        case 9, 10: return [last]
        case 11: return last > 1 ? Array(1..<last) : nil
        default: return nil
        }
    }

    /// The frame's text width in cm (the room `BeamerAspect.figureSize` gives a figure).
    var textCentimetres: Double { aspect.figureSize.width }

    /// The small figures for `step`, preferred first: with the highlighted layers' values,
    /// then a map without values (narrower, for frames whose equations leave less room).
    /// None for a step without active layers; none that would have to be scaled down.
    func stepFigures(step: Int, figure: NetworkFigure) -> [StepFigure] {
        guard let (small, active) = smallFigure(step: step, figure: figure) else { return [] }
        let valued = small.showsValues ? stepFigure(small, step: step, active: active, symbols: figure) : nil
        let map = stepFigure(small.withoutValues, step: step, active: active, symbols: figure)
        return [valued, map].compactMap { $0 }
    }

    /// The figure drawn small for `step`, and the layers it highlights: no weights, bias units,
    /// captions or class names; a and δ on the highlighted layers only.
    func smallFigure(step: Int, figure: NetworkFigure) -> (NetworkFigure, [Int])? {
        guard let active = Self.activeLayers(step: step, layerCount: figure.layers.count) else { return nil }
        var small = figure
        small.weights = []
        small.weightEntrySymbols = []
        small.showsBiasUnits = false
        small.layerCaptions = []
        // The highlighted layers' values: a from the forward pass on, δ once the errors are
        // known (step 9 on); the other layers' values are on the overview.
        for l in small.layers.indices {
            for k in small.layers[l].indices {
                if !active.contains(l) { small.layers[l][k].activation = nil }
                if !active.contains(l) || step < 9 { small.layers[l][k].delta = nil }
                small.layers[l][k].className = nil
            }
        }
        return (small, active)
    }

    /// `small` drawn as narrow as it goes unscaled with its values under the units (nil when
    /// it cannot be), with its legend; `symbols` gives the legend's a and δ.
    private func stepFigure(
        _ small: NetworkFigure, step: Int, active: [Int], symbols: NetworkFigure, widest: Double = widestStepFigure
    ) -> StepFigure? {
        let room = aspect.frameLines * Self.lineCentimetres - Self.stepLegendHeight
        var style = LaTeXRenderer.FigureStyle(
            maxWidth: Self.widestStepFigure * textCentimetres, maxHeight: room, smallPoints: 9,
            smallFont: "\\footnotesize", labelPoints: 9, labelFont: "\\footnotesize", tableBudget: aspect.textWidth)
        style.highlightedLayers = active
        // The narrowest picture drawn unscaled, given `stepFigureAir` more so that its layers
        // do not touch (the estimate of a label's width is a little short in beamer's fonts).
        func drawn(_ share: Double) -> FigureGeometry? {
            var narrow = style
            narrow.maxWidth = share * textCentimetres
            let plan = FigureGeometry.plan(small, style: narrow, writer: writer)
            return plan.needsScaling || plan.valuesInFigure != small.showsValues ? nil : plan
        }
        let shares = Self.stepFigureShares.filter { $0 < widest } + [widest]
        guard let narrowest = shares.first(where: { drawn($0) != nil }),
            let plan = drawn(min(widest, narrowest + Self.stepFigureAir)) ?? drawn(narrowest)
        else { return nil }
        style.maxWidth = plan.width
        let picture = latex.renderedFigure(small, style: style).picture
        var legend: [Inline] = [.text("Yellow: the layers of step \(step)")]
        if small.showsValues {
            legend += [.text("; under each unit "), .math(symbols.activationSymbol), .text(" (black)")]
            if step >= 9 { legend += [.text(" and "), .math(symbols.deltaSymbol), .text(" (red)")] }
        }
        let column = picture + "{\\footnotesize " + latex.inline(legend + [.text(".")]) + "\\par}\n"
        let share = (plan.width + 0.3) / textCentimetres
        return StepFigure(
            column: column, share: share, height: plan.height + Self.stepLegendHeight,
            equationBudget: (1 - share - Self.stepFigureGap) * aspect.equationWidth)
    }

    /// Whether `side` may sit beside the frame `group`: the frame holds equations and text
    /// only (no table, picture or pair of columns); every equation, laid out in the width
    /// the figure leaves, keeps its size and its lines and needs no scaling; the text, wrapped
    /// in that width, and the figure each fit the frame's height.
    func fitsBeside(_ group: [Piece], side: StepFigure, sizes: [EquationLayout.Size]) -> Bool {
        let share = 1 - side.share - Self.stepFigureGap
        // 1 cm and one line to spare (the centred picture's skips): frames ran 3–12 pt past their bottom with 0.
        guard side.height + 1 <= aspect.frameLines * Self.lineCentimetres else { return false }
        var height = group.reduce(0) { $0 + $1.height }
        for item in group.flatMap(\.items) {
            switch item {
            case .block(.equation(let equation)), .lines(let equation, _):
                var allowed = sizes
                if case .lines = item { allowed = Self.equationSizes }
                if keepsOwnSize(equation) { allowed = Self.equationSizes }
                guard keepsLayout(equation, sizes: allowed, budget: side.equationBudget) else { return false }
            case .block(.bullets):
                // A list's items are often one long formula each, which TeX cannot wrap.
                return false
            case .block(let block):
                // Text wraps in the narrower column; inline math wider than it cannot.
                if case .paragraph(let items) = block, items.contains(where: { isWider($0, than: side.equationBudget) }) {
                    return false
                }
                height += self.height(block, share: share) - self.height(block)
            case .note: break
            case .pair, .picture, .table: return false
            }
        }
        return height + 1 <= aspect.frameLines
    }

    /// Whether `inline` is math wider than `budget` em, which no line break can help.
    func isWider(_ inline: Inline, than budget: Double) -> Bool {
        guard case .math(let m) = inline else { return false }
        return MathWidth.of(m, format: writer.format) > budget
    }

    /// Whether `equation` set in `budget` em gets the size and the lines it gets in the
    /// frame's full width, without scaling.
    func keepsLayout(_ equation: Equation, sizes: [EquationLayout.Size], budget: Double) -> Bool {
        let full = EquationLayout(
            equation, writer: writer, budget: aspect.equationWidth, sizes: sizes, joiningSteps: true, setting: .slides)
        let narrow = EquationLayout(
            equation, writer: writer, budget: budget, sizes: sizes, joiningSteps: true, setting: .slides)
        return narrow.size == full.size && narrow.lines.count == full.lines.count
            && narrow.width * narrow.widthScale * EquationLayout.safetyMargin <= budget
    }

    /// The frame that opens a step whose first frame's equations leave no room for the
    /// figure: `mapFrame`, or when that would have to be scaled, the small map (9 pt labels,
    /// no values) in the frame's whole width; nothing for a step without active layers.
    func openingFrame(title: String, step: Int, figure: NetworkFigure) -> String {
        if let frame = mapFrame(title: title, step: step, figure: figure) { return frame }
        guard let (small, active) = smallFigure(step: step, figure: figure),
            let map = stepFigure(small.withoutValues, step: step, active: active, symbols: figure, widest: 1)
        else { return "" }
        return "\\begin{frame}\n\\frametitle{\(title)}\n" + map.column + "\\end{frame}\n\n"
    }

    /// A frame of its own for the network of step `step`, for a step none of whose frames
    /// has room beside its equations: the layers the step works on highlighted, each unit's a
    /// in black and δ in red where the frame has room for them, and a one-line legend.
    /// Nothing when the picture would have to be scaled (its labels would fall below the bar).
    func mapFrame(title: String, step: Int, figure: NetworkFigure) -> String? {
        guard let active = Self.activeLayers(step: step, layerCount: figure.layers.count) else { return nil }
        // Values at 9 pt and labels at 10 pt: read from the back of the room, above the 8 pt bar.
        var style = LaTeXRenderer.FigureStyle(
            maxWidth: aspect.figureSize.width, maxHeight: aspect.figureSize.height - 0.6, smallPoints: 9,
            smallFont: "\\footnotesize", labelPoints: 10, labelFont: "\\small", tableBudget: aspect.textWidth)
        style.highlightedLayers = active
        // The units' a and δ are what the step is about: when they do not fit beside the
        // weights, the weights (the overview's, unchanged until step 15) are left out.
        var figure = figure
        if !FigureGeometry.plan(figure, style: style, writer: writer).valuesInFigure {
            var bare = figure
            bare.weights = []
            if FigureGeometry.plan(bare, style: style, writer: writer).valuesInFigure { figure = bare }
        }
        if FigureGeometry.plan(figure, style: style, writer: writer).needsScaling {
            // A large network at the overview's sizes, without its values (they would be 8 pt).
            style = figureStyle
            style.maxHeight -= 0.6
            style.highlightedLayers = active
            figure = figure.withoutValues
        }
        guard !FigureGeometry.plan(figure, style: style, writer: writer).needsScaling else { return nil }
        let rendered = latex.renderedFigure(figure, style: style)
        var legend: [Inline] = [.text("Highlighted: the layers step \(step) works on; ")]
        legend +=
            rendered.valueTable == nil && figure.showsValues
            ? [
                .text("under each unit "), .math(figure.activationSymbol), .text(" (black) and "),
                .math(figure.deltaSymbol), .text(" (red)."),
            ]
            : [.text("the units' values are in the overview's table.")]
        var text = "\\begin{frame}\n\\frametitle{\(title)}\n" + rendered.picture
        text += "{\\footnotesize " + latex.inline(legend) + "\\par}\n\\end{frame}\n\n"
        return text
    }
}

