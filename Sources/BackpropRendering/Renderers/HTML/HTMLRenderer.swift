import BackpropCore

/// Prints the lesson as one self-contained HTML page to teach from: every step in every
/// notation, math as MathML Core, the network and the training run as inline SVG, and a small
/// hand-written presenter script (`PageScript`), with no network request at all.
///
/// The page's test contract (README, "Classroom in the browser"): one
/// `<section data-step="N" data-notation="X">` per step N (0 is the title page) and notation X;
/// the hash `#step=N&notation=X&line=K` (or `line=all`) selects the section shown and how many
/// of its reveal stages are visible. Inside a section every revealable element carries
/// `data-stage="K"` (0-based); stage 0 shows everything up to the first line of the first
/// equation, each further equation line is one more stage, and the text after an equation
/// appears with its last line, exactly as `TextRenderer.revealed(_:)` and the beamer overlays
/// reveal it. Lesson strings are escaped for their context: `XMLEscaping` in text and
/// attributes, `ScriptData` in the page's JSON.
public struct HTMLRenderer: NarrativeRenderer {
    public static let format = OutputFormat.html
    public static let fileExtension = "html"
    public static let abilities: FormatAbilities = [.exportDocuments, .everyNotation]
    public static let summary = "one offline web page to teach from: every step in every notation, MathML, SVG figures"
    public init(options: RenderOptions) { self.init(decimals: options.decimals) }

    /// Digits after the decimal point for every number shown.
    public var decimals: Int

    /// A renderer printing numbers with `decimals` digits after the point.
    public init(decimals: Int = 4) { self.decimals = decimals }

    var writer: MathMLWriter { MathMLWriter(decimals: decimals) }
    var numberFormat: NumberFormat { NumberFormat(decimals: decimals) }

    /// The page for one narrative (one notation).
    public func document(_ narrative: Narrative) -> String {
        document(editions: NarrativeEditions(narratives: [narrative]))
    }

    /// The page for the lesson in every notation.
    public func document(editions: NarrativeEditions) -> String {
        HTMLPage(renderer: self, editions: editions).text
    }

    /// One step as a `<section>` (the step's notation unnamed).
    public func fragment(_ section: Section) -> String {
        self.section(section, notation: nil, figure: nil, trainingPlot: nil)
    }

    /// The values the side figure shows at a step: none on the title page and before the
    /// forward pass (the class works them out; classroom review F1), activations from step 6
    /// (feedforward) on, and deltas from step 10 (the output error) on.
    static func shownValues(atStep step: Int) -> (activations: Bool, deltas: Bool) {
        (step >= Step.feedforward.number, step >= Step.outputError.number)
    }

    /// One step: its heading, the figure beside (wide screens) or above (phones) the text,
    /// and its blocks, each marked with the reveal stage it appears at.
    func section(
        _ section: Section, notation: NotationName?, figure: NetworkFigure?, trainingPlot: CurvePlot?,
        trained: TrainedViews? = nil, linksWeights: Bool = false
    ) -> String {
        let id = "s\(section.number)-" + (notation?.rawValue ?? "x")
        var stage = 0
        var body = ""
        for block in section.blocks.map(numberFormat.displayed) {
            if case .equation(let equation) = block {
                body += self.equation(equation, stage: &stage)
            } else {
                body += self.block(block, stage: stage)
            }
        }
        if let trainingPlot {
            let svg = TrainingCurvesSVG().element(title: "The cost over the training run", panels: [trainingPlot])
            body += "<figure class=\"curve\" data-stage=\"\(stage)\">"
                + svg.replacingOccurrences(of: " id=\"", with: " id=\"\(id)-")
                + "<figcaption>The cost after each epoch of full-batch gradient descent.</figcaption></figure>\n"
        }
        if let trained { body += trainedViews(trained, id: id, stage: stage, tracedRun: trainingPlot) }
        let notationAttribute = notation.map { " data-notation=\"\(XMLEscaping.escaped($0.rawValue))\"" } ?? ""
        var out = "<section class=\"step\" id=\"\(XMLEscaping.escaped(id))\" data-step=\"\(section.number)\"\(notationAttribute) data-stages=\"\(stage + 1)\">\n"
        out += "<h2><span class=\"num\">Step \(section.number)</span> " + XMLEscaping.escaped(section.title) + "</h2>\n"
        out += "<div class=\"cols\">"
        if let figure {
            out += sideFigure(figure, step: section.number, id: id, linksWeights: linksWeights)
        }
        out += "<div class=\"prose\">\n" + body + "</div></div>\n</section>\n"
        return out
    }

    /// The network figure with the values the step may show, and its legend.
    func sideFigure(_ figure: NetworkFigure, step: Int, id: String, linksWeights: Bool = false) -> String {
        let shown = Self.shownValues(atStep: step)
        var svg = NetworkFigureSVG(
            figure: figure, format: numberFormat, showsActivations: shown.activations, showsDeltas: shown.deltas,
            idPrefix: id + "-net")
        // From step 9 (the chain rule) on, a weight opens its own derivation.
        svg.linksWeights = linksWeights && step >= Step.chainRule.number
        var legend = "<span class=\"key pos\">positive weight</span> <span class=\"key neg\">negative weight</span>"
        if svg.linksWeights { legend += "<br>Click a weight (or Tab to it and press Enter) for its chain rule." }
        if step > 0 {
            // The highlights of the line shown: one colour per kind of quantity.
            legend += "<br>While a line shows, what it uses is ringed: <span class=\"hk a\">a</span>activation "
                + "<span class=\"hk z\">z</span>weighted input <span class=\"hk d\">δ</span>error "
                + "<span class=\"hk g\">∇</span>gradient <span class=\"hk w\">w</span>weight<br>"
        }
        if shown.activations || shown.deltas, !figure.valueLegend.isEmpty {
            legend += " " + inline(figure.valueLegend)
        }
        return "<figure class=\"side\">" + svg.svg() + "<figcaption>" + legend + "</figcaption></figure>\n"
    }
}

extension HTMLRenderer {
    /// One notation's derivations, hidden until a weight is clicked: each a
    /// `<div class="deriv" data-for="L-i-j">` keyed as the figure's edges are (`NetworkFigureSVG`).
    func derivationStore(_ derivations: [WeightDerivation], notation: NotationName?) -> String {
        guard !derivations.isEmpty else { return "" }
        let name = XMLEscaping.escaped(notation?.rawValue ?? "x")
        var out = "<div class=\"derivs\" data-notation=\"\(name)\" hidden>"
        for derivation in derivations {
            var stage = 0
            out += "<div class=\"deriv\" data-for=\"\(derivation.layer - 1)-\(derivation.row - 1)-\(derivation.column)\">"
                + equation(derivation.equation, stage: &stage) + "</div>"
        }
        return out + "</div>\n"
    }
}

extension OutputFormat {
    /// One offline HTML page with MathML and SVG.
    public static let html = OutputFormat(rawValue: "html")
}
