import BackpropCore

/// The one-page notation sheet (`export --format cheatsheet`): the lesson's network written in
/// every registered notation side by side.
///
/// Every cell comes from a `Notation` — its symbols and declarations, or the symbolic lines of
/// the very equations the lesson's steps print in it — so a notation added to
/// `NotationRegistry.all` adds a column and nothing here names one.
extension Narrator {
    /// The steps whose equations the sheet quotes; trace these (with
    /// `traceOptions(for:sampleIndex:)`) before making a sheet.
    public static let notationSheetSteps: [Step] = [.outputError, .gradientDescent]

    /// The sheet for `trace` as a narrative: a sentence about the network, then one table whose
    /// columns are `notations` (default: every registered one) and whose rows are the
    /// concepts. Sample `sampleIndex` must be traced.
    public static func notationSheet(
        trace: Trace, notations: [any Notation.Type] = NotationRegistry.all, sampleIndex: Int = 0
    ) -> Narrative {
        let narrators = notations.map { type in
            Narrator(trace: trace, notation: type.init(layerSizes: trace.lesson.layers), sampleIndex: sampleIndex)
        }
        let columns = narrators.map { $0.notationSheetColumn() }
        var rows: [[[Inline]]] = []
        for (index, concept) in NotationSheetRow.allCases.enumerated() {
            rows.append([[.text(concept.title)]] + columns.map { $0[index] })
        }
        let header: [[Inline]] = [[.text("")]] + notations.map { [.text($0.source)] }
        let first = narrators.first
        return Narrative(
            title: "Notation sheet: " + trace.lesson.title,
            preface: [
                .paragraph(first?.setupSentence ?? []),
                .paragraph([
                    .text(
                        "The same network, numbers and rules in each notation; layer l counts from 1 at the input, as Ng counts, and each column writes it its own way."
                    )
                ]),
                .table(Table(header: header, rows: rows, rightAligned: Array(repeating: false, count: header.count))),
            ],
            sections: [], notation: first?.notation.name ?? NotationRegistry.defaultName)
    }

    /// This narrator's notation, one cell per `NotationSheetRow`, in order.
    func notationSheetColumn() -> [[Inline]] {
        NotationSheetRow.allCases.map(cell)
    }

    /// One concept in this notation.
    func cell(_ row: NotationSheetRow) -> [Inline] {
        let L = layerCount
        switch row {
        case .layers:
            var items: [Inline] = [.text("input "), .math(notation.activation(1))]
            if L > 2 { items += [.text(", hidden "), .math(notation.activation(2))] }
            items += [.text(", output "), .math(notation.activation(L))]
            items += [.text("; weighted input "), .math(notation.weightedInput(L))]
            return items
        case .weights:
            let theta = trace.weights[0]
            let shown = shaped(theta)
            var items: [Inline] = [.math(notation.weights(1)), .text(": \(shown.rows) × \(shown.columns)")]
            switch notation.biasLayout {
            case .firstColumn: items.append(.text(", bias weights in column 0"))
            case .lastRow: items.append(.text(", bias weights in the last row"))
            case .separateVector:
                items += [.text(", bias "), .math(notation.bias(1)), .text(": \(theta.rows) × 1 apart")]
            }
            return items
        case .oneWeight:
            return [
                .math(notation.weightEntry(layer: 1, i: 1, j: 1)),
                .text(" from unit 1 of \(notation.layerName(1)) to unit 1 of \(notation.layerName(2)); "),
                .math(notation.weightEntry(layer: 1, i: 1, j: 0)), .text(" the bias weight into that unit"),
            ]
        case .forward:
            return [
                .math(.binary(notation.weightedInput(2), .equals, forwardRule(1))), .text("; "),
                .math(
                    .binary(
                        notation.activation(2), .equals,
                        .call(activationFunction(ofLayer: 2), [notation.weightedInput(2)]))),
            ]
        case .cost:
            // Mazur writes one symbol for both: his example has one sample.
            guard notation.cost != notation.sampleCost else {
                return [
                    .math(notation.cost), .text(", the error of one sample; averaged over "),
                    .math(notation.sampleCount), .text(" samples for the cost"),
                ]
            }
            return [
                .math(notation.sampleCost), .text(" for one sample, "), .math(notation.cost), .text(" averaged over "),
                .math(notation.sampleCount), .text(" samples"),
            ]
        case .outputError:
            return symbolicCells(in: .outputError, through: { $0 == notation.delta(L) })
        case .hiddenError:
            let rule = L > 2 ? hiddenDeltaSymbolic(l: L - 1) : genericHiddenDelta
            return [.math(Self.symbolicRule(rule))]
                + (L > 2 ? [] : [.text(" (any layer l; this network has no hidden layer)")])
        case .gradient:
            var items: [Inline] = [
                .math(.binary(sampleGradientSymbol(L - 1), .equals, sampleGradientRule(L - 1)))
            ]
            if notation.biasLayout == .separateVector {
                items += [
                    .text(", "),
                    .math(.binary(.partial(notation.sampleCost, notation.bias(L - 1)), .equals, notation.delta(L))),
                ]
            }
            return items
        case .update:
            return symbolicCells(in: .gradientDescent, through: { $0 == notation.weights(L - 1) }, onlyLast: true)
        case .sign:
            let definition = Math.partial(notation.sampleCost, notation.weightedInput(L))
            switch notation.deltaSign {
            case .lossGradient:
                return [
                    .math(.binary(notation.delta(L), .equals, definition)),
                    .text(": output minus target; updates subtract the gradient"),
                ]
            case .negatedLossGradient:
                return [
                    .math(.binary(notation.delta(L), .equals, .negate(definition))),
                    .text(": target minus output; updates add"),
                ]
            }
        }
    }

    /// The symbolic lines of the equations `step` prints, up to and including the first one
    /// whose left side satisfies `isLast` (only that one when `onlyLast`), one per line.
    func symbolicCells(in step: Step, through isLast: (Math) -> Bool, onlyLast: Bool = false) -> [Inline] {
        var cells: [Inline] = []
        for block in section(step).blocks {
            guard case .equation(let equation) = block else { continue }
            let matches = isLast(equation.lhs)
            if onlyLast && !matches { continue }
            if let math = Self.symbolicMath(equation) {
                if !cells.isEmpty { cells.append(.text("; ")) }
                cells.append(.math(math))
            }
            if matches { break }
        }
        return cells
    }

    /// `lhs = symbolic = …`: the equation's symbolic lines only, nil when it has none.
    static func symbolicMath(_ equation: Equation) -> Math? {
        let symbolic = zip(equation.steps, equation.roles).filter { $0.1 == .symbolic }.map(\.0)
        guard !symbolic.isEmpty else { return nil }
        return .row([equation.lhs] + symbolic.flatMap { [Math.op($0.relation), $0.expression] })
    }

    /// `symbolicMath`, for rules that always have a symbolic line.
    static func symbolicRule(_ equation: Equation) -> Math {
        let math: Math? = symbolicMath(equation)
        return math ?? equation.lhs
    }
}

/// The rows of the notation sheet, in order.
public enum NotationSheetRow: CaseIterable, Sendable {
    case layers, weights, oneWeight, forward, cost, outputError, hiddenError, gradient, update, sign

    /// The concept, as the sheet's first column names it.
    public var title: String {
        switch self {
        case .layers: return "activations"
        case .weights: return "weights into layer 2"
        case .oneWeight: return "one weight"
        case .forward: return "forward pass"
        case .cost: return "cost"
        case .outputError: return "output error (BP1)"
        case .hiddenError: return "hidden error (BP2)"
        case .gradient: return "gradient, one sample (BP3, BP4)"
        case .update: return "update"
        case .sign: return "sign of the error"
        }
    }
}
