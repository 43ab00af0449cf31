import BackpropCore
import Foundation

/// Step 14: backprop's gradient against central differences.
extension Narrator {
    /// Significant digits of the relative difference ‖num − D‖ / ‖num + D‖ (2.4669e-11).
    static let relativeDifferenceDigits = 5

    /// A bar such as `GradientCheck.ngBar` as a number: Ng's "1e-9" in text, 10⁻⁹ in typeset
    /// math (issue 23, N7: one notation for powers of ten within a document).
    static func bar(_ value: Double) -> Math { .number(value, .roundTrip) }

    func stepGradientCheck() -> [Block] {
        guard let check = trace.gradientCheck, let numericalGradient = trace.numericalGradient else {
            return [.paragraph([.t("(This trace was made without the gradient check.)")])]
        }
        // The first rows in the order `check` prints them in this notation.
        let entries = GradientCheckTable.readingOrder(
            GradientCheckTable.checkedEntries(trace, check), biasLayout: notation.biasLayout
        ).prefix(Self.tableRowCount)
        let kinks = check.kinkEntries ?? []
        let rows: [[[Inline]]] = entries.map { entry in
            [
                [.m(weightEntry(layer: entry.layer + 1, i: entry.row + 1, j: entry.column))]
                    + (kinks.contains(entry) ? [.t(" (left out)")] : []),
                [.m(.number(trace.D[entry.layer][entry.row, entry.column]))],
                [.m(.number(numericalGradient[entry.layer][entry.row, entry.column]))],
            ]
        }
        let cost = notation.cost
        let theta = Math.identifier("θ")
        var blocks: [Block] = [
            .paragraph([
                .t(
                    "Each weight is moved by ±ε in turn and the cost recomputed; the central difference must match backprop's gradient of the cost"
                        + (negatesDelta
                            ? ". Unlike the deltas and gradients of steps 10 to 13, both columns show the cost's gradient itself, not negated: the central difference measures the cost's own slope."
                            : ":")
                )
            ]),
            .equation(
                Equation(
                    .partial(cost, theta),
                    [
                        .init(.approximately, centralDifference(cost, at: theta))
                    ])),
            .table(
                Table(
                    header: [[.t("weight")], [.t("backprop (bp)")], [.t("central difference (num)")]], rows: rows,
                    rightAligned: [false, true, true])),
        ]
        let checked = check.checkedParameters
        // Biases are weights of column 0 in Ng's and the 15 Steps' matrices, but a vector of
        // their own in Nielsen's and Mazur's (review C9).
        let noun = notation.biasLayout == .separateVector ? "weights and biases" : "weights"
        let judged = check.judgedParameters
        var note =
            checked == check.totalParameters
            ? "all \(checked) \(noun)" : "\(checked) of \(check.totalParameters) \(noun), evenly spaced"
        if !kinks.isEmpty {
            // Kept short: the note is printed beside the equation.
            note = "\(judged) of \(checked); \(kinks.count) at a ReLU kink left out"
        }
        if rows.count < checked {
            blocks.append(
                .paragraph([
                    .t("(first \(rows.count) rows shown; the check covers \(checked == check.totalParameters ? "all \(checked) \(noun)" : "\(checked) of \(check.totalParameters) \(noun), evenly spaced"))")
                ]))
        }
        let numerical = Math.identifier("num")
        let d = Math.identifier("bp")
        let difference = check.relativeDifference
        let ngBar = GradientCheck.ngBar
        let passingBar = GradientCheck.passingBar
        // Strictly below a bar, because the line prints "< bar".
        let verdict: Equation.Step
        if difference < ngBar {
            verdict = .init(.less, Self.bar(ngBar), comment: "Ng's bar: evidence, not proof")
        } else if difference < passingBar {
            verdict = .init(
                .less, Self.bar(passingBar), comment: "backprop-tutor's bar: evidence, not proof")
        } else if check.isInconclusive {
            verdict = .init(.equals, .text("inconclusive: too small to measure"))
        } else {
            verdict = .init(.equals, .text("too large: backprop and the cost disagree"))
        }
        blocks.append(
            .equation(
                Equation(
                    .divide(.norm(.subtract(numerical, d)), .norm(.add([numerical, d]))),
                    [
                        .init(.equals, .number(difference, .scientific(Self.relativeDifferenceDigits)), comment: note),
                        verdict,
                    ])))
        if difference >= ngBar && difference < passingBar {
            blocks.append(
                .paragraph([
                    .t(
                        "Central differences are themselves only accurate to about ε² times the cost's third derivative, so on this lesson the two agree to "
                    ),
                    .m(.number(difference, NumberFormat(decimals: decimals).style(telling: difference, from: ngBar))),
                    .t(" rather than below Ng's "), .m(Self.bar(ngBar)),
                    .t(
                        ". A much larger difference points to a mistake, but not every mistake is large: one that changes the gradient only a little (say a regularisation term forgotten with a small λ) can give a difference near "
                    ),
                    .m(Self.bar(1e-3)), .t("."),
                ]))
        }
        if let floor = check.roundoffFloor {
            blocks.append(
                .paragraph([
                    .t(
                        "The check is inconclusive here, not failed: some of these gradients are tiny (as when units saturate), and a central difference cannot measure a slope that small. The two costs J(θ ± ε) differ from the true ones by rounding in their last digits, and dividing that by 2ε gives a difference of up to "
                    ),
                    .m(.number(floor, .scientific(3))),
                    .t(" over these weights; ‖num − bp‖ = "),
                    .m(.number(check.differenceNorm ?? 0, .scientific(3))),
                    .t(
                        " is within it. So backprop is neither confirmed nor refuted by this check; a lesson whose gradients are larger can judge it."
                    ),
                ]))
        }
        if !kinks.isEmpty {
            blocks.append(.paragraph(kinkParagraph(kinks)))
        }
        blocks.append(
            .why([
                .t(
                    "Central differences need nothing but the cost, so they check backprop independently; most errors in an error term or an index show up as a large relative difference, though a pass is evidence, not proof. Ng's ex4 asks for less than "
                ),
                .m(Self.bar(GradientCheck.ngBar)), .t(" with "),
                .m(.binary(.identifier("ε"), .equals, Self.bar(1e-4))),
                .t(
                    ". The check is slow (two cost evaluations per weight), so it is run once and then switched off for training."
                ),
            ]))
        blocks.append(.paragraph(injectionTip))
        return blocks
    }

    /// How to watch the check catch a bug: `check --inject` with a mistake this network can make
    /// (a hidden layer's missing slope factor, or, without a hidden layer, the output error's sign).
    var injectionTip: [Inline] {
        let hasHiddenLayer = layerCount > 2
        let mistake = hasHiddenLayer ? "missing-derivative" : "error-sign"
        let what =
            hasHiddenLayer
            ? "a backprop that leaves the slope factor out of the hidden errors"
            : "a backprop that takes the output error as target minus output"
        return [
            .t("To watch the check catch a bug, add "), .code("--inject \(mistake)"),
            .t(" to the check command: it then checks \(what), and shows which weights then differ from the central differences, and by how much."),
        ]
    }

    /// Which weights straddle a ReLU kink and why the central difference cannot judge them.
    func kinkParagraph(_ kinks: [GradientCheck.CheckedEntry]) -> [Inline] {
        let judgedNoun = notation.biasLayout == .separateVector ? "weights and biases" : "weights"
        var items: [Inline] = [
            .t(
                "Left out of the relative difference: moving "
                    + (kinks.count == 1 ? "this weight" : "these weights")
                    + " by ±ε moves a ReLU unit's weighted input across 0, "
            )
        ]
        for (index, entry) in kinks.prefix(Self.tableRowCount).enumerated() {
            if index > 0 { items.append(.t(", ")) }
            items.append(.m(weightEntry(layer: entry.layer + 1, i: entry.row + 1, j: entry.column)))
        }
        if kinks.count > Self.tableRowCount { items.append(.t(" and \(kinks.count - Self.tableRowCount) more")) }
        items.append(
            .t(
                ". There the cost has a corner: the central difference mixes the slopes on its two sides, while backprop uses the slope on the side where z is (the slope 0 that ReLU has at z = 0 exactly, by convention), so the two may differ without either being wrong. The check judges the other \(judgedNoun)."
            ))
        return items
    }
}
