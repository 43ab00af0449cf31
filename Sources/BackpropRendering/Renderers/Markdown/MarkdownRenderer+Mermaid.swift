import BackpropCore

/// The network figure as a Mermaid `flowchart LR`: one subgraph per layer, input first, node
/// labels in Unicode math (the same writer as the text renderer) with the figure's values.
///
/// Small networks (`labelsEdges`) name every weight where it is drawn, as the notation names
/// it: each edge is labelled "w₅ = 0.4000" (so a label that dagre's layout sets near another
/// edge still says which weight it is), and each unit carries its bias weight instead of a +1
/// node with edges of its own. Larger networks draw bare edges and list the weights in tables
/// laid out as the notation writes its matrices. Negative numbers use the minus sign U+2212.
extension MarkdownRenderer {
    /// The network (a Mermaid `flowchart LR`, or an SVG file for a network too large for it),
    /// then its weight tables when the edges are bare.
    func figure(_ figure: NetworkFigure) -> String {
        guard Self.mermaidDrawsClearly(figure) else {
            // Too large for Mermaid: the SVG file beside the document, or Mermaid and a note.
            let drawing =
                figureFile.map { figureLink(figure, file: $0) }
                ?? "<!-- This network is too large for Mermaid to draw clearly; export with -o FILE.md to write it as an SVG beside the Markdown (FILE.figure.svg). -->\n"
                + mermaid(figure)
            return drawing + weightTables(figure)
        }
        return mermaid(figure) + weightTables(figure)
    }

    /// The Mermaid diagram.
    func mermaid(_ figure: NetworkFigure) -> String {
        let activationSymbol = plain(figure.activationSymbol)
        let deltaSymbol = plain(figure.deltaSymbol)
        var text = "```mermaid\nflowchart LR\n"
        for (l, units) in figure.layers.enumerated() {
            let caption = l < figure.layerCaptions.count ? figure.layerCaptions[l] : figure.layerName(l)
            text += "  subgraph L\(l)[\"\(Self.mermaidLabel(caption))\"]\n"
            for slot in NetworkFigure.slots(forLayerOf: units.count) {
                switch slot {
                case .gap(let hidden):
                    text += "    u\(l)_gap[\"⋮ \(hidden) more\"]\n"
                case .unit(let k):
                    let unit = units[k]
                    // An output unit leads with the class it stands for, as in the TikZ figure.
                    var lines = (unit.className.map { ["“\($0)”"] } ?? []) + [plain(unit.label)]
                    if l > 0, figure.showsBiasUnits, figure.labelsEdges,
                        let bias = figure.weight(layer: l - 1, into: k, fromColumn: 0)
                    {
                        let symbol = figure.weightSymbol(layer: l - 1, into: k, fromColumn: 0) ?? .text("bias")
                        lines.append(weightLabel(symbol, bias))
                    }
                    if let a = unit.activation { lines.append(activationSymbol + " = " + number(a)) }
                    if let delta = unit.delta { lines.append(deltaSymbol + " = " + number(delta)) }
                    text +=
                        "    u\(l)_\(k)((\"\(lines.map { Self.mermaidLabel($0) }.joined(separator: "<br/>"))\"))\n"
                }
            }
            text += "  end\n"
        }
        for l in 0..<max(0, figure.layers.count - 1) {
            for j in figure.shownUnits(inLayer: l) {
                for i in figure.shownUnits(inLayer: l + 1) {
                    if figure.labelsEdges, let weight = figure.weight(layer: l, into: i, fromColumn: j + 1) {
                        let label = weightLabel(figure.weightSymbol(layer: l, into: i, fromColumn: j + 1), weight)
                        text += "  u\(l)_\(j) -- \"\(Self.mermaidLabel(label))\" --> u\(l + 1)_\(i)\n"
                    } else {
                        text += "  u\(l)_\(j) --> u\(l + 1)_\(i)\n"
                    }
                }
            }
        }
        text += "```\n\n"
        return text
    }

    /// What the figure does not show: the sentence on labelled edges, or the weight tables.
    func weightTables(_ figure: NetworkFigure) -> String {
        var text = ""
        if figure.labelsEdges {
            if figure.showsBiasUnits {
                text += "Each edge is labelled with its weight, and each unit after the input with its bias weight.\n\n"
            }
        } else {
            for table in figure.weightTables {
                text += table.noun + " $" + math(table.symbol) + "$ (" + Self.escape(table.caption) + "):\n\n"
                text += self.table(table.table)
            }
        }
        return text
    }

    /// "w₅ = 0.4000", or the number alone when the figure has no symbol for the weight.
    func weightLabel(_ symbol: Math?, _ value: Double) -> String {
        guard let symbol else { return number(value) }
        return plain(symbol) + " = " + number(value)
    }

    /// A number as the figure prints it, with a true minus sign.
    func number(_ value: Double) -> String {
        String(NumberFormat(decimals: decimals).string(value).map { $0 == "-" ? "−" : $0 })
    }

    /// A Mermaid label: quotes and markup characters as HTML entities, so a lesson's class
    /// name cannot break out of the label.
    static func mermaidLabel(_ words: String) -> String {
        var output = ""
        for scalar in words.unicodeScalars {
            switch scalar {
            case "\"": output += "#quot;"
            case "<": output += "#lt;"
            case ">": output += "#gt;"
            case "&": output += "#amp;"
            case "#": output += "#35;"
            case "\n", "\r", "\t": output += " "
            default:
                if ControlCharacters.isEscaped(scalar) {
                    output += ControlCharacters.visible(scalar)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// A label in plain Unicode for a Mermaid node (a⁽²⁾₁, w³, x₂), written by the same
    /// `UnicodeMathWriter` as the text renderer, on one line.
    func plain(_ m: Math) -> String {
        UnicodeMathWriter(format: NumberFormat(decimals: decimals)).line(m)
    }
}
