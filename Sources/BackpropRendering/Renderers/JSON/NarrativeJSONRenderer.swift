import BackpropCore

/// The narrative as JSON, format `backprop-tutor/narrative@1`, so programs (and the tests) can
/// check what a step says: every block with its `"kind"`, every equation line with its
/// relation, role (`symbolic`, `substituted`, `result`) and expression tree (see
/// `MathJSONWriter`), numbers at full precision.
///
///     {"format": "backprop-tutor/narrative@1", "lesson": title, "notation": "ng",
///      "preface": [blocks], "sections": [{"step": 12, "title": …, "blocks": [ … ]}]}
///
/// `fragment` writes one section object alone.
public struct NarrativeJSONRenderer: NarrativeRenderer {
    public static let format = OutputFormat.json
    public static let fileExtension = "json"
    public static let abilities: FormatAbilities = [.singleSteps]
    public static let summary = "the narrative as JSON (backprop-tutor/narrative@1)"
    public init(options: RenderOptions) { self.init() }
    /// The format tag.
    public static let formatTag = "backprop-tutor/narrative@1"

    /// A JSON renderer (numbers are always written at full precision).
    public init() {}

    public func document(_ narrative: Narrative) -> String {
        var members: [(String, JSONValue.Kind)] = [
            ("format", .string(Self.formatTag)), ("lesson", .string(narrative.title)),
            ("notation", narrative.notation.map { .string($0.rawValue) } ?? .null),
        ]
        if !narrative.preface.isEmpty { members.append(("preface", .array(narrative.preface.map(block)))) }
        members.append(("sections", .array(narrative.sections.map { JSONValue(section($0)) })))
        return JSONWriter.text(object(members))
    }

    public func fragment(_ section: Section) -> String { JSONWriter.text(self.section(section)) }

    /// A single step is a whole narrative@1 document holding that one section.
    public func singleStep(_ narrative: Narrative) -> String { document(narrative) }

    private let math = MathJSONWriter()

    private func object(_ members: [(String, JSONValue.Kind)]) -> JSONValue.Kind {
        .object(members.map { (key: $0.0, value: JSONValue($0.1)) })
    }

    private func section(_ section: Section) -> JSONValue.Kind {
        object([
            ("step", .number(Double(section.number))), ("title", .string(section.title)),
            ("blocks", .array(section.blocks.map(block))),
        ])
    }

    private func inlines(_ items: [Inline]) -> JSONValue.Kind {
        .array(
            items.map { item in
                switch item {
                case .text(let words): return JSONValue(object([("text", .string(words))]))
                case .math(let expression): return JSONValue(object([("math", math.walk(expression))]))
                case .emphasis(let words): return JSONValue(object([("emphasis", .string(words))]))
                case .code(let code): return JSONValue(object([("code", .string(code))]))
                }
            })
    }

    private func block(_ block: Block) -> JSONValue {
        let kind: String
        var members: [(String, JSONValue.Kind)] = []
        switch block {
        case .heading(let text):
            kind = "heading"
            members = [("text", .string(text))]
        case .paragraph(let items):
            kind = "paragraph"
            members = [("inlines", inlines(items))]
        case .why(let items):
            kind = "why"
            members = [("inlines", inlines(items))]
        case .convention(let items):
            kind = "convention"
            members = [("inlines", inlines(items))]
        case .equation(let equation):
            kind = "equation"
            members = [("lhs", math.walk(equation.lhs)), ("lines", lines(equation))]
            if !equation.uses.isEmpty { members.append(("uses", uses(equation.uses))) }
        case .table(let table):
            kind = "table"
            members = [
                ("header", .array(table.header.map { JSONValue(inlines($0)) })),
                ("rows", .array(table.rows.map { row in JSONValue(.array(row.map { JSONValue(inlines($0)) })) })),
                ("rightAligned", .array(table.rightAligned.map { JSONValue(.bool($0)) })),
            ]
        case .bullets(let items):
            kind = "bullets"
            members = [("items", .array(items.map { JSONValue(inlines($0)) }))]
        case .figure(let figure):
            kind = "figure"
            members = self.figure(figure)
        case .image(let image):
            kind = "image"
            members = [
                ("width", .number(Double(image.width))), ("height", .number(Double(image.height))),
                ("low", .number(image.low)), ("high", .number(image.high)),
                ("pixels", .array(image.pixels.map { JSONValue(.number($0)) })),
            ]
        }
        return JSONValue(object([("kind", .string(kind))] + members))
    }

    /// The quantities an equation uses (optional in narrative@1): `{"kind", "layer", "unit",
    /// "column"}` with Ng's layer numbers and 1-based units, `column` 0 for a bias weight; an
    /// index left out means every one (see `QuantityReference`).
    private func uses(_ references: [QuantityReference]) -> JSONValue.Kind {
        .array(
            references.map { reference in
                var members: [(String, JSONValue.Kind)] = [
                    ("kind", .string(reference.kind.rawValue)), ("layer", .number(Double(reference.layer))),
                ]
                if let unit = reference.unit { members.append(("unit", .number(Double(unit)))) }
                if let column = reference.column { members.append(("column", .number(Double(column)))) }
                return JSONValue(object(members))
            })
    }

    private func lines(_ equation: Equation) -> JSONValue.Kind {
        .array(
            zip(equation.steps, equation.roles).map { step, role in
                var members: [(String, JSONValue.Kind)] = [
                    ("relation", .string(step.relation.unicode.trimmingCharacters(in: [" "]))),
                    ("role", .string(role.rawValue)), ("expression", math.walk(step.expression)),
                ]
                if let comment = step.comment { members.append(("comment", .string(comment))) }
                return JSONValue(object(members))
            })
    }

    private func figure(_ figure: NetworkFigure) -> [(String, JSONValue.Kind)] {
        func optional(_ value: Double?) -> JSONValue.Kind { value.map { .number($0) } ?? .null }
        let layers = zip(figure.layers, figure.layerCaptions).map { units, caption in
            JSONValue(
                object([
                    ("caption", .string(caption)),
                    (
                        "units",
                        .array(
                            units.map { unit in
                                JSONValue(
                                    object([
                                        ("label", math.walk(unit.label)), ("activation", optional(unit.activation)),
                                        ("delta", optional(unit.delta)),
                                    ]))
                            })
                    ),
                ]))
        }
        return [
            ("layers", .array(layers)),
            ("activationSymbol", math.walk(figure.activationSymbol)), ("deltaSymbol", math.walk(figure.deltaSymbol)),
            ("weightSymbols", .array(figure.weightSymbols.map { JSONValue(math.walk($0)) })),
            ("weightDescriptions", .array(figure.weightDescriptions.map { JSONValue(.string($0)) })),
            (
                "weights",
                .array(
                    figure.weights.map { matrix in
                        JSONValue(.array(matrix.rowList.map { JSONValue(.array($0.map { JSONValue(.number($0)) })) }))
                    })
            ),
        ]
    }
}

extension OutputFormat {
    /// The narrative as JSON (`backprop-tutor/narrative@1`), for programs and tests.
    public static let json = OutputFormat(rawValue: "json")
}
