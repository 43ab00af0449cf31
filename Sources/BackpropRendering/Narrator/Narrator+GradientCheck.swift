import BackpropCore

/// Step 14: backprop's gradient against central differences.
extension Narrator {
    func stepGradientCheck() -> [Block] {
        guard let check = trace.gradientCheck, let numericalGradient = trace.numericalGradient else {
            return [.paragraph([.t("(This trace was made without the gradient check.)")])]
        }
        var rows: [[[Inline]]] = []
        var count = 0
        outer: for (layer, d) in trace.D.enumerated() {
            for i in 0..<d.rows {
                for j in 0..<d.columns {
                    if count == 12 { break outer }
                    if let entries = check.checkedEntries, !entries.contains(.init(layer: layer, row: i, column: j)) {
                        continue
                    }
                    rows.append([
                        [.m(weightEntry(layer: layer + 1, i: i + 1, j: j))], [.m(.number(d[i, j]))],
                        [.m(.number(numericalGradient[layer][i, j]))],
                    ])
                    count += 1
                }
            }
        }
        let cost = notation.cost
        let theta = Math.identifier("θ")
        let epsilon = Math.identifier("ε")
        var blocks: [Block] = [
            .paragraph([
                .t(
                    "Each weight is moved by ±ε in turn and the cost recomputed; the central difference must match backprop's D:"
                )
            ]),
            .equation(
                Equation(
                    .partial(cost, theta),
                    [
                        .init(
                            .approximately,
                            .fraction(
                                .binary(
                                    .apply(cost, .binary(theta, .plus, epsilon)), .minus,
                                    .apply(cost, .binary(theta, .minus, epsilon))), .row([.integer(2), epsilon])))
                    ])),
            .table(
                Table(
                    header: [[.t("weight")], [.t("backprop D")], [.t("central difference")]], rows: rows,
                    rightAligned: [false, true, true])),
        ]
        let checked = check.checkedParameters
        let note =
            checked == check.totalParameters
            ? "all \(checked) weights" : "\(checked) of \(check.totalParameters) weights, evenly spaced"
        if rows.count < checked {
            blocks.append(
                .paragraph([
                    .t(
                        "(first \(rows.count) rows shown; the check covers \(note); `backprop-tutor check` prints them all)"
                    )
                ]))
        }
        let numerical = Math.identifier("num")
        let d = Math.identifier("D")
        let difference = check.relativeDifference
        let verdict: Equation.Step
        switch difference {
        case ..<1e-9: verdict = .init(.less, .text("1e-9"), comment: "Ng's bar: backprop is right")
        case ..<1e-7: verdict = .init(.less, .text("1e-7"), comment: "backprop-tutor's bar: backprop is right")
        default: verdict = .init(.equals, .text("too large: backprop and the cost disagree"))
        }
        blocks.append(
            .equation(
                Equation(
                    .fraction(.norm(.binary(numerical, .minus, d)), .norm(.binary(numerical, .plus, d))),
                    [.init(.equals, .text(NumberFormat.scientific(difference)), comment: note), verdict])))
        if difference >= 1e-9 && difference < 1e-7 {
            blocks.append(
                .paragraph([
                    .t(
                        "Central differences are themselves only accurate to about ε² times the cost's third derivative, so on this lesson the two agree to \(NumberFormat.scientific(difference, significant: 2)) rather than below Ng's 1e-9; a real mistake in backprop shows up as 1e-2 or more."
                    )
                ]))
        }
        blocks.append(
            .why([
                .t(
                    "Central differences need nothing but the cost, so they check backprop independently; an error in any δ or index would show up as a large relative difference. Ng's ex4 asks for less than 1e-9 with ε = 1e-4. The check is slow (two cost evaluations per weight), so it is run once and then switched off for training."
                )
            ]))
        return blocks
    }
}
