import BackpropCore

/// A network too large for Mermaid to draw clearly, as an SVG file beside the Markdown.
///
/// Mermaid (dagre) stacks a layer's units in a column and routes every edge between two
/// columns as a spline: ng-lecture's 3 × 3 fans and xor read well, but from 5 units a layer the
/// fans pass through the circles of their neighbours (review N12: the 4-6-5-3 network is a
/// 768 × 1,870 px tangle). A figure with a layer of more than `largestMermaidLayer` units shown
/// is therefore drawn by the HTML page's `NetworkFigureSVG` into a file of its own (`export -o
/// w.md` writes `w.figure.svg`), and the Markdown links it as an image with alt text. Printed to
/// standard output there is no file to link: the Mermaid diagram stays, with a comment saying
/// how to get the SVG.
extension MarkdownRenderer {
    /// Most units a layer may show for Mermaid to draw the network.
    public static let largestMermaidLayer = 4

    /// Whether Mermaid draws `figure` clearly: no layer shows more than `largestMermaidLayer` units.
    public static func mermaidDrawsClearly(_ figure: NetworkFigure) -> Bool {
        figure.layers.allSatisfy { NetworkFigure.slots(forLayerOf: $0.count).count <= largestMermaidLayer }
    }

    /// The SVG file of `narrative`'s network, when Mermaid cannot draw it clearly; nil otherwise.
    public func figureSVG(_ narrative: Narrative) -> String? {
        guard let figure = Self.figure(in: narrative), !Self.mermaidDrawsClearly(figure) else { return nil }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + figureDrawing(figure).svg() + "\n"
    }

    /// The file holding the figure beside the Markdown file `path`: `w.md` → `w.figure.svg`.
    public static func figurePath(beside path: String) -> String {
        for suffix in [".md", ".markdown"] where path.hasSuffix(suffix) && path.count > suffix.count {
            return String(path.dropLast(suffix.count)) + ".figure.svg"
        }
        return path + ".figure.svg"
    }

    /// The first figure of `narrative` (an export has one, in its preface).
    static func figure(in narrative: Narrative) -> NetworkFigure? {
        for block in narrative.preface + narrative.sections.flatMap(\.blocks) {
            if case .figure(let figure) = block { return figure }
        }
        return nil
    }

    /// The HTML page's drawing of `figure`, with every value it carries, styled for a file of
    /// its own.
    func figureDrawing(_ figure: NetworkFigure) -> NetworkFigureSVG {
        let units = figure.layers.joined()
        var drawing = NetworkFigureSVG(
            figure: figure, format: NumberFormat(decimals: decimals),
            showsActivations: units.contains { $0.activation != nil }, showsDeltas: units.contains { $0.delta != nil },
            idPrefix: "figure")
        drawing.styleSheet = Self.figureStyle
        return drawing
    }

    /// The figure's image link: `![alt](file)`, the file name percent-encoded.
    func figureLink(_ figure: NetworkFigure, file: String) -> String {
        var encoded = ""
        for byte in file.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~/".unicodeScalars.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        // The title names the shape; the values are in the file's own description and the text.
        return "![" + Self.escape(figureDrawing(figure).title) + "](" + encoded + ")\n\n"
    }

    /// The HTML page's figure colours (`PageStyle`, light), for the SVG file.
    static let figureStyle = """
        svg.net{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
        svg.net circle{fill:#fff;stroke:#111;stroke-width:2}
        svg.net .bias circle{stroke-dasharray:4 3}
        svg.net text{fill:#111;font-size:19px}
        svg.net .label.small{font-size:14px}
        svg.net .cap,svg.net .gap{fill:#555;font-size:16px}
        svg.net .va{fill:#0072b2;font-size:16px}
        svg.net .vd{fill:#b3261e;font-size:16px}
        svg.net .cls{font-size:16px}
        svg.net line.w{stroke-opacity:.85}
        svg.net line.pos{stroke:#0072b2}
        svg.net line.neg{stroke:#d55e00;stroke-dasharray:6 3}
        svg.net .wl{font-size:16px;paint-order:stroke;stroke:#fff;stroke-width:3px}
        """
}

extension String {
    /// The string with zeros before it up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
