import BackpropCore

/// The network figure as a Mermaid `graph LR`: one subgraph per layer, node labels in Unicode
/// math (the same writer as the text renderer) with the figure's value labels, and the weights
/// on the edges when the figure labels them, else as tables below.
extension MarkdownRenderer {
    /// A Mermaid `graph LR` of the network.
    func figure(_ figure: NetworkFigure) -> String {
        let number = NumberFormat(decimals: decimals)
        let activationSymbol = plain(figure.activationSymbol)
        let deltaSymbol = plain(figure.deltaSymbol)
        var text = "```mermaid\ngraph LR\n"
        for (l, units) in figure.layers.enumerated() {
            let caption = l < figure.layerCaptions.count ? figure.layerCaptions[l] : "layer \(l + 1)"
            text += "  subgraph L\(l)[\"\(Self.mermaidLabel(caption))\"]\n"
            if figure.hasBiasUnit(l) {
                text += "    b\(l)((\"+1\"))\n"
            }
            for slot in NetworkFigure.slots(forLayerOf: units.count) {
                switch slot {
                case .gap(let hidden):
                    text += "    u\(l)_gap[\"⋮ \(hidden) more\"]\n"
                case .unit(let k):
                    let unit = units[k]
                    var lines = [plain(unit.label)]
                    if let a = unit.activation { lines.append(activationSymbol + " = " + number.string(a)) }
                    if let delta = unit.delta { lines.append(deltaSymbol + " = " + number.string(delta)) }
                    text +=
                        "    u\(l)_\(k)((\"\(lines.map { Self.mermaidLabel($0) }.joined(separator: "<br/>"))\"))\n"
                }
            }
            text += "  end\n"
        }
        for l in 0..<max(0, figure.layers.count - 1) {
            let sources =
                (figure.showsBiasUnits ? [("b\(l)", 0)] : [])
                + figure.shownUnits(inLayer: l).map { ("u\(l)_\($0)", $0 + 1) }
            for (source, column) in sources {
                for i in figure.shownUnits(inLayer: l + 1) {
                    if figure.labelsEdges, let weight = figure.weight(layer: l, into: i, fromColumn: column) {
                        text += "  \(source) -- \"\(number.string(weight))\" --> u\(l + 1)_\(i)\n"
                    } else {
                        text += "  \(source) --> u\(l + 1)_\(i)\n"
                    }
                }
            }
        }
        text += "```\n\n"
        if !figure.labelsEdges {
            for table in figure.weightTables {
                text += table.noun + " $" + math(table.symbol) + "$ (" + Self.escape(table.caption) + "):\n\n"
                text += self.table(table.table)
            }
        }
        return text
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
