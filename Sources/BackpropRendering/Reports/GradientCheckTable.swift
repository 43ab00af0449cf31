import BackpropCore

/// The gradient check as a plain-text table: one row per checked parameter, in Ng's indices.
///
/// Parameter Θ⁽ˡ⁾ᵢⱼ: l = layer the weights leave (1-based), i = unit of layer l + 1 (1-based),
/// j = unit of layer l with j = 0 the bias unit. "backprop" is D⁽ˡ⁾ᵢⱼ from the trace,
/// "numerical" is (J(θ + ε) − J(θ − ε)) / 2ε; both to 10 significant digits, so they can be
/// compared digit by digit. The verdict is the caller's (the `check` command compares the
/// trace's relative difference with `GradientCheck.passingBar`); nothing is decided here.
public enum GradientCheckTable {
    /// The table and the verdict line, ending in a newline.
    ///
    /// - Parameters:
    ///   - passes: the verdict printed ("passes" or "FAILS").
    ///   - bar: the bar the verdict was reached against, printed beside it.
    /// A trace made without the gradient check gives one line saying so.
    public static func render(_ trace: Trace, passes: Bool, bar: Double = GradientCheck.passingBar) -> String {
        guard let check = trace.gradientCheck, let numericalGradient = trace.numericalGradient else {
            return "Gradient check for \"\(ControlCharacters.escaped(trace.lesson.title))\": not run for this trace\n"
        }
        var rows: [[String]] = [["parameter", "backprop D", "numerical"]]
        for entry in checkedEntries(trace, check) {
            let backprop = trace.D[entry.layer][entry.row, entry.column]
            let numerical = numericalGradient[entry.layer][entry.row, entry.column]
            rows.append([
                "Θ" + Script.superscript("(\(entry.layer + 1))") + "[\(entry.row + 1),\(entry.column)]",
                signed(backprop), signed(numerical),
            ])
        }
        var output =
            "Gradient check for \"\(ControlCharacters.escaped(trace.lesson.title))\": central differences, ε = "
            + NumberFormat.compactScientific(check.epsilon) + "\n"
        if check.checkedEntries != nil {
            output +=
                "(\(check.checkedParameters) of \(check.totalParameters) parameters, evenly spaced; --all checks every one)\n"
        }
        output +=
            "Indices: Θ⁽ˡ⁾[i,j] is Ng's Θᵢⱼ⁽ˡ⁾: from unit j of layer l (j = 0: the bias unit) to unit i of layer l + 1.\n"
        output += "\n" + TextTable.render(rows, rightAligned: [false, true, true]) + "\n"
        let difference = check.relativeDifference
        let verdict = passes ? "passes" : "FAILS"
        output +=
            "relative difference ‖num − D‖ / ‖num + D‖ = \(NumberFormat.scientific(difference))"
            + " (\(verdict): the bar is \(NumberFormat.compactScientific(bar)); Ng's ex4 asks for < \(NumberFormat.compactScientific(GradientCheck.ngBar)))\n"
        if let kinks = check.kinkEntries, !kinks.isEmpty {
            let names = kinks.map { "Θ⁽\(Script.superscript(String($0.layer + 1)))⁾[\($0.row + 1),\($0.column)]" }
            output +=
                "left out (a ReLU kink: ±ε moves a unit's z across 0, where central differences average two slopes and backprop uses g′(0) = 0): "
                + names.joined(separator: ", ") + "\n"
        }
        return output
    }

    private static func checkedEntries(_ trace: Trace, _ check: Trace.GradientCheckSummary)
        -> [GradientCheck.CheckedEntry]
    {
        if let entries = check.checkedEntries { return entries }
        return trace.D.indices.flatMap { layer in
            (0..<trace.D[layer].rows).flatMap { i in
                (0..<trace.D[layer].columns).map { j in GradientCheck.CheckedEntry(layer: layer, row: i, column: j) }
            }
        }
    }

    private static func signed(_ value: Double) -> String {
        let text = NumberFormat.scientific(value, significant: 10)
        return text.hasPrefix("-") ? text : " " + text
    }
}
