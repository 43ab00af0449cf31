import BackpropCore

/// The gradient check as a plain-text table: one row per checked parameter, named and
/// ordered as the chosen notation writes its weights.
///
/// Every row names the parameter in the notation (Θ⁽ˡ⁾ᵢⱼ, W[r,c], wˡⱼₖ/bˡⱼ, w₅/b₁) and the
/// connection it weights (from a unit of layer l, or the bias +1, into one of layer l + 1), so
/// notations that give several weights one name (Mazur's shared b₁) stay unambiguous.
/// "backprop" is D from the trace, "numerical" is (J(θ + ε) − J(θ − ε)) / 2ε; both to 10
/// significant digits, so they can be compared digit by digit. The verdict is the caller's
/// (the `check` command compares the trace's relative difference with
/// `GradientCheck.passingBar`); nothing is decided here. Lines are wrapped at 80 columns.
public enum GradientCheckTable {
    /// The table and the verdict line, ending in a newline.
    ///
    /// - Parameters:
    ///   - notation: the notation whose names and reading order the rows take (Ng's by default).
    ///   - passes: the verdict printed ("passes" or "FAILS").
    ///   - bar: the bar the verdict was reached against, printed beside it.
    /// A trace made without the gradient check gives one line saying so.
    public static func render(
        _ trace: Trace, notation: (any Notation)? = nil, passes: Bool, bar: Double = GradientCheck.passingBar
    ) -> String {
        guard let check = trace.gradientCheck, let numericalGradient = trace.numericalGradient else {
            return "Gradient check for \"\(ControlCharacters.escaped(trace.lesson.title))\": not run for this trace\n"
        }
        let notation = notation ?? NgNotation(layerSizes: trace.lesson.layers)
        let text = TextRenderer(usesColor: false)
        func name(_ entry: GradientCheck.CheckedEntry) -> String {
            text.render(notation.weightEntry(layer: entry.layer + 1, i: entry.row + 1, j: entry.column))
        }
        func connection(_ entry: GradientCheck.CheckedEntry) -> String {
            let from = entry.column == 0 ? "+1" : text.render(notation.unit(LayerQuantity.activation, layer: entry.layer + 1, entry.column))
            return from + " → " + text.render(notation.unit(LayerQuantity.weightedInput, layer: entry.layer + 2, entry.row + 1))
        }
        var rows: [[String]] = [["parameter", "from → into", "backprop", "numerical"]]
        for entry in readingOrder(checkedEntries(trace, check), biasLayout: notation.biasLayout) {
            let backprop = trace.D[entry.layer][entry.row, entry.column]
            let numerical = numericalGradient[entry.layer][entry.row, entry.column]
            rows.append([name(entry), connection(entry), signed(backprop), signed(numerical)])
        }
        var output =
            "Gradient check for \"\(ControlCharacters.escaped(trace.lesson.title))\": central differences, ε = "
            + NumberFormat.compactScientific(check.epsilon) + "\n"
        if check.checkedEntries != nil {
            output +=
                "(\(check.checkedParameters) of \(check.totalParameters) parameters, evenly spaced; --all checks every one)\n"
        }
        output += "Rows: " + orderDescription(notation.biasLayout) + "\n"
        output += "\n" + TextTable.render(rows, rightAligned: [false, false, true, true]) + "\n"
        let difference = check.relativeDifference
        let verdict =
            passes ? "passes" : (check.isInconclusive ? "inconclusive" : "FAILS")
        if let kinks = check.kinkEntries, !kinks.isEmpty {
            let names = kinks.map { name($0) + " (" + connection($0) + ")" }
            output +=
                "left out (a ReLU kink: ±ε moves a unit's z across 0, where central differences mix the two slopes and backprop uses the slope on z's side, 0 at z = 0 exactly): "
                + names.joined(separator: ", ") + "\n"
        }
        if !passes, check.isInconclusive, let floor = check.roundoffFloor {
            output +=
                "Inconclusive, not failed: the gradients are so small that rounding the two costs J(θ ± ε) alone moves a central difference by up to \(NumberFormat.compactScientific(floor)) over these parameters, and ‖num − D‖ = \(NumberFormat.compactScientific(check.differenceNorm ?? 0)) is within that. Central differences cannot judge backprop here.\n"
        }
        output +=
            "The bar is \(NumberFormat.compactScientific(bar)); Ng's ex4 asks for < \(NumberFormat.compactScientific(GradientCheck.ngBar)).\n"
        // The verdict stays the last line, unwrapped: scripts read it.
        output += "relative difference ‖num − D‖ / ‖num + D‖ = \(NumberFormat.scientific(difference)) (\(verdict))\n"
        return WordWrap.wrappingLongLines(output)
    }

    /// The entries in the order the notation's matrices are read, layer by layer:
    /// Ng's Θ column by column as ex4 unrolls it (`[Theta1(:); Theta2(:)]`, bias column first);
    /// the 15 Steps' W = Θᵀ row by row (its bias row last); Nielsen's and Mazur's weights row by
    /// row, then the layer's biases.
    static func readingOrder(_ entries: [GradientCheck.CheckedEntry], biasLayout: BiasLayout)
        -> [GradientCheck.CheckedEntry]
    {
        func key(_ e: GradientCheck.CheckedEntry) -> (Int, Int, Int, Int) {
            switch biasLayout {
            case .firstColumn: return (e.layer, 0, e.column, e.row)
            case .lastRow: return (e.layer, e.column == 0 ? 1 : 0, e.column, e.row)
            case .separateVector: return (e.layer, e.column == 0 ? 1 : 0, e.row, e.column)
            }
        }
        return entries.sorted { key($0) < key($1) }
    }

    /// The order line printed above the table.
    static func orderDescription(_ biasLayout: BiasLayout) -> String {
        switch biasLayout {
        case .firstColumn:
            return "each Θ⁽ˡ⁾ column by column, bias column first, as ex4 unrolls it ([Theta1(:); Theta2(:)])."
        case .lastRow:
            return "each W row by row (row r: the weights out of unit r; the bias row last)."
        case .separateVector:
            return "each layer's weights row by row (one row per unit they lead into), then its biases."
        }
    }

    /// The entries the check covered: its sample of them, or every weight.
    static func checkedEntries(_ trace: Trace, _ check: Trace.GradientCheckSummary)
        -> [GradientCheck.CheckedEntry]
    {
        if let entries = check.checkedEntries { return entries }
        return trace.D.indices.flatMap { layer in
            (0..<trace.D[layer].rows).flatMap { i in
                (0..<trace.D[layer].columns).map { j in GradientCheck.CheckedEntry(layer: layer, row: i, column: j) }
            }
        }
    }

    /// A value with 10 significant digits in scientific form; an exact 0 in the same form
    /// (`0.000000000e+00`), so it lines up with its column (review K4).
    private static func signed(_ value: Double) -> String {
        let text = NumberFormat().string(value, style: .scientific(10))
        return text.hasPrefix("-") ? text : " " + text
    }
}
