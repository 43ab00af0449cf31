import BackpropCore
import Foundation

/// The network figure as inline SVG for the HTML page: one column of units per layer, input
/// first, the bias unit (+1, dashed) on top of every layer but the last, an edge per weight.
///
/// Layer index l is the figure's (0 = input, Ng's layer l + 1); unit index i is 0-based. Each
/// unit is a `<g class="unit" data-unit="l-i">`; each edge a `<line class="w pos|neg"
/// data-weight="l-i-j">` carrying Ng's Θ⁽ˡ⁺¹⁾ entry in row i (unit i of layer l + 1, 0-based)
/// and column j (0 = the bias, j ≥ 1 = unit j − 1 of layer l), whatever way the notation writes
/// the matrix; its `<title>` gives the notation's symbol and the value. Edge width grows with
/// |w|; the sign is a class the page colours (blue positive, vermilion negative, Okabe–Ito)
/// and negative edges are dashed, so the sign reads without colour too. The figure has a
/// `<title>` and a `<desc>` listing every unit's values and every weight, for screen readers.
/// Every lesson string (labels, class names, captions) is escaped with `XMLEscaping`.
struct NetworkFigureSVG {
    /// The figure to draw.
    var figure: NetworkFigure
    /// The number formatter for values and weights.
    var format: NumberFormat
    /// Whether the units' activations are shown (steps after the forward pass).
    var showsActivations: Bool
    /// Whether the units' deltas are shown (steps after the output error).
    var showsDeltas: Bool
    /// A prefix making the `<title>`/`<desc>` ids unique on the page.
    var idPrefix: String
    /// Whether each edge is a control (focusable, a button) that opens its weight's derivation.
    var linksWeights = false
    /// For an SVG file of its own (the Markdown export's figure): the style sheet written into
    /// it, with a white background and width and height attributes so that viewers size it.
    var styleSheet: String?

    static let radius = 27.0
    static let biasRadius = 18.0
    /// The distance between layers: wider when the weights are written on the edges.
    var columnPitch: Double { figure.labelsEdges ? 250 : 200 }
    static let margin = 56.0

    private var unicode: UnicodeMathWriter { UnicodeMathWriter(format: format) }

    /// Lines printed under a unit.
    private var valueLineCount: Int { (showsActivations ? 1 : 0) + (showsDeltas ? 1 : 0) }
    private var rowPitch: Double { 72 + 19 * Double(valueLineCount) }

    /// One drawn place in a column: a unit, the bias unit or a gap.
    private enum Place {
        case unit(Int), bias, gap(Int)
    }

    private func places(_ l: Int) -> [Place] {
        var result: [Place] = figure.hasBiasUnit(l) ? [.bias] : []
        for slot in NetworkFigure.slots(forLayerOf: figure.layers[l].count) {
            switch slot {
            case .unit(let i): result.append(.unit(i))
            case .gap(let hidden): result.append(.gap(hidden))
            }
        }
        return result
    }

    /// The SVG element, sized by its viewBox (the page's CSS scales it to its box).
    func svg() -> String {
        let columns = figure.layers.indices.map(places)
        let tallest = Double(columns.map(\.count).max() ?? 1)
        let hasClassNames = figure.layers.last?.contains { $0.className != nil } ?? false
        let labelWidth = Double(figure.layers.last?.compactMap(\.className).map(\.count).max() ?? 0) * 10 + 16
        let width = 2 * Self.margin + columnPitch * Double(max(0, figure.layers.count - 1))
            + (hasClassNames ? min(labelWidth, 200) : 0)
        let captionRoom = 48.0
        let height = tallest * rowPitch + captionRoom + 16
        func x(_ l: Int) -> Double { Self.margin + columnPitch * Double(l) }
        func y(_ l: Int, _ row: Int) -> Double {
            let count = Double(columns[l].count)
            return 16 + (tallest - count) * rowPitch / 2 + rowPitch * (Double(row) + 0.5) - 9 * Double(valueLineCount)
        }
        func position(_ l: Int, place match: (Place) -> Bool) -> Double? {
            columns[l].firstIndex(where: match).map { y(l, $0) }
        }
        let titleID = idPrefix + "-title"
        let descID = idPrefix + "-desc"
        var out = "<svg class=\"net\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
        if styleSheet != nil { out += "width=\"\(n(width))\" height=\"\(n(height))\" " }
        out += "role=\"img\" aria-labelledby=\"\(titleID) \(descID)\">"
        out += "<title id=\"\(titleID)\">" + XMLEscaping.escaped(title) + "</title>"
        out += "<desc id=\"\(descID)\">" + XMLEscaping.escaped(description) + "</desc>"
        if let styleSheet {
            out += "<style>" + XMLEscaping.escaped(styleSheet) + "</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        }
        // What weight labels must not cover: each unit with the values under it.
        var obstacles: [LabelBox] = []
        for (l, column) in columns.enumerated() {
            for (row, place) in column.enumerated() {
                let (cx, cy) = (x(l), y(l, row))
                switch place {
                case .unit:
                    let half = valueLineCount > 0 ? max(Self.radius, 48) : Self.radius
                    obstacles.append(
                        LabelBox(minX: cx - half, minY: cy - Self.radius, maxX: cx + half, maxY: cy + Self.radius + 18 * Double(valueLineCount)))
                case .bias:
                    obstacles.append(LabelBox(minX: cx - Self.biasRadius, minY: cy - Self.biasRadius, maxX: cx + Self.biasRadius, maxY: cy + Self.biasRadius))
                case .gap: break
                }
            }
        }
        var placed: [LabelBox] = []
        var labels = ""
        // Edges first, so units are drawn over them; the weights' labels over the edges.
        for l in 0..<max(0, figure.layers.count - 1) {
            for (row, place) in columns[l + 1].enumerated() {
                guard case .unit(let i) = place else { continue }
                let y2 = y(l + 1, row)
                for source in columns[l] {
                    let column: Int
                    let y1: Double
                    switch source {
                    case .bias:
                        column = 0
                        y1 = position(l) { if case .bias = $0 { return true } else { return false } } ?? 0
                    case .unit(let j):
                        column = j + 1
                        y1 = position(l) { if case .unit(j) = $0 { return true } else { return false } } ?? 0
                    case .gap: continue
                    }
                    guard let weight = figure.weight(layer: l, into: i, fromColumn: column) else { continue }
                    let sourceRadius = column == 0 ? Self.biasRadius : Self.radius
                    let (x1, x2) = (x(l), x(l + 1))
                    let length = max(1, ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot())
                    let (ux, uy) = ((x2 - x1) / length, (y2 - y1) / length)
                    let sign = weight < 0 ? "neg" : "pos"
                    let strokeWidth = weight.isFinite ? min(6, 1 + 3 * abs(weight)) : 1
                    let symbol = figure.weightSymbol(layer: l, into: i, fromColumn: column).map(unicode.line)
                    let name = symbol ?? "weight from \(sourceName(l, column)) to \(unitName(l + 1, i))"
                    let control = linksWeights
                        ? "tabindex=\"0\" role=\"button\" aria-label=\"" + XMLEscaping.escaped(name + ": its derivative") + "\" " : ""
                    out += "<line class=\"w \(sign)\" data-weight=\"\(l)-\(i)-\(column)\" " + control
                    out += "x1=\"\(n(x1 + ux * sourceRadius))\" y1=\"\(n(y1 + uy * sourceRadius))\" "
                    out += "x2=\"\(n(x2 - ux * Self.radius))\" y2=\"\(n(y2 - uy * Self.radius))\" stroke-width=\"\(n(strokeWidth))\">"
                    out += "<title>" + XMLEscaping.escaped(name + " = " + format.string(weight)) + "</title></line>"
                    if figure.labelsEdges {
                        // The first place along the edge, from the middle outwards, where the
                        // label covers no unit, value or label placed before it.
                        let text = format.string(weight)
                        let width = 9.2 * Double(text.count) + 4
                        func box(_ t: Double) -> LabelBox {
                            let (lx, ly) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t - 3)
                            return LabelBox(minX: lx - width / 2, minY: ly - 14, maxX: lx + width / 2, maxY: ly + 3)
                        }
                        let tries = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8]
                        let blocked = obstacles + placed
                        let t = tries.first { t in !blocked.contains { $0.overlaps(box(t)) } }
                            ?? tries.min { a, b in
                                blocked.filter { $0.overlaps(box(a)) }.count < blocked.filter { $0.overlaps(box(b)) }.count
                            } ?? 0.5
                        let chosen = box(t)
                        placed.append(chosen)
                        labels += "<text class=\"wl\" data-weight=\"\(l)-\(i)-\(column)\" x=\"\(n((chosen.minX + chosen.maxX) / 2))\" y=\"\(n(chosen.maxY))\" text-anchor=\"middle\">"
                        labels += XMLEscaping.escaped(text) + "</text>"
                    }
                }
            }
        }
        out += labels
        // Units, values, class names.
        for (l, column) in columns.enumerated() {
            for (row, place) in column.enumerated() {
                let cx = x(l)
                let cy = y(l, row)
                switch place {
                case .bias:
                    out += "<g class=\"bias\"><circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(Self.biasRadius))\"/>"
                    out += "<text x=\"\(n(cx))\" y=\"\(n(cy + 6))\" text-anchor=\"middle\">+1</text></g>"
                case .gap(let hidden):
                    out += "<text class=\"gap\" x=\"\(n(cx))\" y=\"\(n(cy + 5))\" text-anchor=\"middle\">⋮ \(hidden) more</text>"
                case .unit(let i):
                    let unit = figure.layers[l][i]
                    let label = unicode.line(unit.label)
                    let small = label.count > 4 ? " small" : ""
                    out += "<g class=\"unit\" data-unit=\"\(l)-\(i)\"><circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(Self.radius))\"/>"
                    out += "<text class=\"label\(small)\" x=\"\(n(cx))\" y=\"\(n(cy + 5))\" text-anchor=\"middle\">"
                    out += XMLEscaping.escaped(label) + "</text>"
                    var lineY = cy + Self.radius + 17
                    if showsActivations, let a = unit.activation {
                        out += "<text class=\"va\" x=\"\(n(cx))\" y=\"\(n(lineY))\" text-anchor=\"middle\">"
                        out += XMLEscaping.escaped(unicode.line(figure.activationSymbol) + " " + format.string(a)) + "</text>"
                        lineY += 18
                    }
                    if showsDeltas, let d = unit.delta {
                        out += "<text class=\"vd\" x=\"\(n(cx))\" y=\"\(n(lineY))\" text-anchor=\"middle\">"
                        out += XMLEscaping.escaped(unicode.line(figure.deltaSymbol) + " " + format.string(d)) + "</text>"
                    }
                    if let className = unit.className {
                        out += "<text class=\"cls\" x=\"\(n(cx + Self.radius + 8))\" y=\"\(n(cy + 5))\">"
                        out += XMLEscaping.escaped(className) + "</text>"
                    }
                    out += "</g>"
                }
            }
            let captionY = height - captionRoom + 14
            for (index, line) in NetworkFigureSVG.captionLines(l < figure.layerCaptions.count ? figure.layerCaptions[l] : "").enumerated() {
                out += "<text class=\"cap\" x=\"\(n(x(l)))\" y=\"\(n(captionY + 18 * Double(index)))\" text-anchor=\"middle\">"
                out += XMLEscaping.escaped(line) + "</text>"
            }
        }
        out += "</svg>"
        return out
    }

    /// A label's or a unit's box in SVG units (y downwards).
    struct LabelBox {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        func overlaps(_ other: LabelBox) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// "layer 2 (hidden)" on two lines: the name, then the role.
    static func captionLines(_ caption: String) -> [String] {
        guard let open = caption.range(of: " (", options: .backwards) else { return [caption] }
        return [String(caption[..<open.lowerBound]), String(caption[caption.index(after: open.lowerBound)...])]
    }

    private func unitName(_ l: Int, _ i: Int) -> String { unicode.line(figure.layers[l][i].label) }
    private func sourceName(_ l: Int, _ column: Int) -> String { column == 0 ? "the bias unit of \(figure.layerName(l))" : unitName(l, column - 1) }

    /// A short name for the figure.
    var title: String {
        "The network: " + figure.layers.map { String($0.count) }.joined(separator: "-") + " units, input first"
    }

    /// Every unit's shown values and every weight, in words.
    var description: String {
        var parts: [String] = []
        for (l, layer) in figure.layers.enumerated() {
            let caption = l < figure.layerCaptions.count ? figure.layerCaptions[l] : figure.layerName(l)
            var units: [String] = []
            for i in figure.shownUnits(inLayer: l) {
                let unit = layer[i]
                var text = unicode.line(unit.label)
                if showsActivations, let a = unit.activation { text += " " + unicode.line(figure.activationSymbol) + " " + format.string(a) }
                if showsDeltas, let d = unit.delta { text += " " + unicode.line(figure.deltaSymbol) + " " + format.string(d) }
                if let className = unit.className { text += " (class " + className + ")" }
                units.append(text)
            }
            parts.append(caption + ": " + units.joined(separator: ", "))
        }
        if figure.labelsEdges {
            var weights: [String] = []
            for (l, matrix) in figure.weights.enumerated() {
                for i in 0..<matrix.rows {
                    for j in 0..<matrix.columns {
                        let symbol = figure.weightSymbol(layer: l, into: i, fromColumn: j).map(unicode.line) ?? "w"
                        weights.append(symbol + " = " + format.string(matrix[i, j]))
                    }
                }
            }
            parts.append("weights: " + weights.joined(separator: ", "))
        }
        return parts.joined(separator: "; ") + "."
    }

    private func n(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }
}
