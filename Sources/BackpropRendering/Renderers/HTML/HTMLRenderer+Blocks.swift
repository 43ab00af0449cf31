import BackpropCore

/// Blocks, running text, equations and tables as HTML with MathML.
extension HTMLRenderer {
    /// One block, shown from reveal stage `stage` on.
    func block(_ block: Block, stage: Int) -> String {
        let at = " data-stage=\"\(stage)\""
        switch block {
        case .heading(let title):
            return "<h3\(at)>" + XMLEscaping.escaped(title) + "</h3>\n"
        case .paragraph(let items):
            return "<p\(at)>" + inline(items) + "</p>\n"
        case .equation(let equation):
            var copy = stage
            return self.equation(equation, stage: &copy)
        case .why(let items):
            return "<p class=\"why\"\(at)><strong>Why:</strong> " + inline(items) + "</p>\n"
        case .convention(let items):
            return "<p class=\"conv\"\(at)>" + inline(items) + "</p>\n"
        case .table(let table):
            return "<div class=\"tbox\"\(at)>" + self.table(table) + "</div>\n"
        case .bullets(let items):
            return "<ul\(at)>" + items.map { "<li>" + inline($0) + "</li>" }.joined() + "</ul>\n"
        case .figure(let figure):
            // The network itself is beside every step; here only what it cannot show.
            guard !figure.labelsEdges else { return "" }
            return figure.weightTables.map { weightTable in
                "<div class=\"tbox\"\(at)><p>" + XMLEscaping.escaped(weightTable.noun) + " " + writer.inline(weightTable.symbol)
                    + ": " + XMLEscaping.escaped(weightTable.caption) + "</p>" + self.table(weightTable.table) + "</div>\n"
            }.joined()
        case .image(let image):
            return "<figure class=\"img\"\(at)>" + imageSVG(image) + "</figure>\n"
        }
    }

    /// Inline math estimated wider than this (em, `MathWidth`) gets a box of its own that
    /// scrolls sideways: a 390 px phone holds about 20 em of body text.
    static let widestInlineMath = 12.0

    /// Running text with inline math.
    func inline(_ items: [Inline]) -> String {
        items.map { item in
            switch item {
            case .text(let words): return XMLEscaping.escaped(words)
            case .math(let m):
                // Inline math cannot wrap: a formula that may be wider than a phone scrolls
                // in its own box instead of widening the page.
                guard MathWidth.of(m, format: numberFormat) > Self.widestInlineMath else { return writer.inline(m) }
                return "<span class=\"wide\">" + writer.inline(m) + "</span>"
            case .emphasis(let words): return "<em>" + XMLEscaping.escaped(words) + "</em>"
            case .code(let words): return "<code>" + XMLEscaping.escaped(words) + "</code>"
            }
        }.joined()
    }

    /// A displayed derivation: a grid of lines `lhs | relation expression | comment`, each line
    /// a reveal stage after the first (which shares the stage of what comes before it). The
    /// grid scrolls sideways in its own box when a matrix is wider than the screen.
    func equation(_ equation: Equation, stage: inout Int) -> String {
        var out = "<div class=\"eqbox\"" + Self.usesAttribute(equation.uses) + "><div class=\"eq\">"
        for (index, step) in equation.steps.enumerated() {
            if index > 0 { stage += 1 }
            out += "<div class=\"ln\" data-stage=\"\(stage)\">"
            out += "<div class=\"lhs\">" + (index == 0 ? "<math displaystyle=\"true\">" + writer.write(equation.lhs) + "</math>" : "") + "</div>"
            out += "<div class=\"rhs\"><math displaystyle=\"true\">" + writer.visitOperator(step.relation) + writer.write(step.expression) + "</math></div>"
            out += "<div class=\"cm\">" + (step.comment.map(XMLEscaping.escaped) ?? "") + "</div>"
            out += "</div>"
        }
        return out + "</div></div>\n"
    }

    /// `data-uses="a:2:* w:1:1:0 …"`: what the equation uses, for the figure's highlights. Each
    /// token is kind (`a` activation, `z` weighted input, `d` δ, `w` weight, `g` gradient), the
    /// figure's 0-based layer (Ng's l − 1; for w and g the matrix index, Θ⁽ˡ⁾ → l − 1), the
    /// 0-based unit or row, and for w and g Ng's column j (0 = bias); `*` means every one.
    static func usesAttribute(_ uses: [QuantityReference]) -> String {
        guard !uses.isEmpty else { return "" }
        let tokens = uses.map { reference -> String in
            let kind: String
            switch reference.kind {
            case .activation: kind = "a"
            case .weightedInput: kind = "z"
            case .delta: kind = "d"
            case .weight: kind = "w"
            case .gradient: kind = "g"
            }
            var token = kind + ":\(reference.layer - 1):" + (reference.unit.map { String($0 - 1) } ?? "*")
            if reference.kind == .weight || reference.kind == .gradient {
                token += ":" + (reference.column.map(String.init) ?? "*")
            }
            return token
        }
        return " data-uses=\"" + tokens.joined(separator: " ") + "\""
    }

    /// A table; numeric columns right-aligned.
    func table(_ table: Table) -> String {
        func cells(_ row: [[Inline]], tag: String) -> String {
            row.enumerated().map { column, cell in
                let right = column < table.rightAligned.count && table.rightAligned[column] ? " class=\"r\"" : ""
                return "<\(tag)\(right)>" + inline(cell) + "</\(tag)>"
            }.joined()
        }
        return "<table><thead><tr>" + cells(table.header, tag: "th") + "</tr></thead><tbody>"
            + table.rows.map { "<tr>" + cells($0, tag: "td") + "</tr>" }.joined() + "</tbody></table>"
    }

    /// A sample's pixels as grey squares, darker for more ink, with a text alternative.
    func imageSVG(_ image: SampleImage) -> String {
        let levels = 256
        var out = "<svg class=\"pix\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(image.width) \(image.height)\" role=\"img\">"
        out += "<title>The sample's \(image.width) × \(image.height) pixels, darker for more ink</title>"
        out += "<rect class=\"frame\" x=\"0\" y=\"0\" width=\"\(image.width)\" height=\"\(image.height)\"/>"
        for row in 0..<image.height {
            for column in 0..<image.width {
                let shade = image.shade(row: row, column: column, levels: levels)
                guard shade > 0 else { continue }
                let grey = 255 - shade
                out += "<rect x=\"\(column)\" y=\"\(row)\" width=\"1\" height=\"1\" fill=\"rgb(\(grey),\(grey),\(grey))\"/>"
            }
        }
        return out + "</svg>"
    }
}
