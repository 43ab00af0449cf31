import BackpropCore

/// `trace --format text`: every number of the trace, labelled in Ng's notation, plainly.
///
/// Layer indices are Ng's (a⁽¹⁾ = x, Θ⁽ˡ⁾ maps layer l to l + 1, column 0 = bias); vectors are
/// written as rows here to save space.
public enum TraceTextRenderer {
    /// The trace as text with `decimals` digits after the point.
    public static func render(_ trace: Trace, decimals: Int = 6) -> String {
        var text = ""
        render(trace, records: trace.samples, decimals: decimals) { text += $0 }
        return text
    }

    /// Writes the text of `trace` with `records` as its samples (`trace.samples` is not read),
    /// in pieces: the header, each sample's section as its record is made, then the totals.
    /// So a streamed trace (`StreamingTrace.records`) holds one sample's text at a time; the
    /// pieces together are `render(_:decimals:)` of the full trace.
    public static func render<Records: Sequence<Trace.SampleTrace>, Failure: Error>(
        _ trace: Trace, records: Records, decimals: Int = 6, to write: (String) throws(Failure) -> Void
    ) throws(Failure) {
        let format = NumberFormat(decimals: decimals)
        // One vector or matrix, one style (NumberFormat+Display.swift).
        func vector(_ values: [Double], style: NumberStyle? = nil) -> String {
            let style = style ?? format.style(for: values)
            return "[" + values.map { format.string($0, style: style) }.joined(separator: ", ") + "]"
        }
        func matrix(_ name: String, _ m: Matrix) -> String {
            let style = format.style(for: m.values)
            let rows = m.rowList.map { "    " + vector($0, style: style) }.joined(separator: "\n")
            return "  \(name) (\(m.shapeDescription)):\n" + rows
        }
        func sup(_ l: Int) -> String { Script.superscript("(\(l))") }
        // Each piece is whole lines, wrapped on its own: wrapping works line by line.
        func piece(_ lines: [String]) -> String { WordWrap.wrappingLongLines(lines.joined(separator: "\n")) + "\n" }

        let info = trace.lesson
        var lines: [String] = []
        lines.append(ControlCharacters.escaped(info.title))
        lines.append(
            "layers " + info.layers.map(String.init).joined(separator: "-")
                + ", activations " + info.activations.map(\.rawValue).joined(separator: ", ")
                + ", loss \(info.loss.rawValue), m = \(trace.m), α = \(NumberFormat.roundTrip(info.learningRate)), λ = \(NumberFormat.roundTrip(info.lambda))"
                + (info.updateBiases ? "" : ", biases frozen"))
        lines.append("(\(format.ruleSentence.lowercased()); `--format json` gives full precision)")
        lines.append("(labels are Ng's, as in the JSON trace: Θ⁽ˡ⁾ maps layer l to l + 1, column 0 the bias)")
        lines.append("")
        lines.append("initial weights:")
        for (index, theta) in trace.weights.enumerated() { lines.append(matrix("Θ\(sup(index + 1))", theta)) }
        try write(piece(lines))
        var recorded = 0
        for sample in records {
            recorded += 1
            lines = [""]
            lines.append(
                "sample \(sample.index + 1): x = \(vector(sample.x, style: format.givenStyle(for: sample.x))), y = \(vector(sample.y, style: format.givenStyle(for: sample.y))), loss = \(format.string(sample.loss))"
            )
            for (index, a) in sample.a.enumerated() {
                if index > 0 { lines.append("  z\(sup(index + 1)) = \(vector(sample.z[index - 1]))") }
                lines.append("  a\(sup(index + 1)) = \(vector(a))")
            }
            for index in sample.delta.indices.reversed() {
                lines.append("  δ\(sup(index + 2)) = \(vector(sample.delta[index]))")
            }
            for (index, gradient) in sample.gradient.enumerated() {
                lines.append(matrix("δ\(sup(index + 2))[1; a\(sup(index + 1))]ᵀ", gradient))
            }
            try write(piece(lines))
        }
        lines = []
        if recorded < trace.m {
            lines.append("")
            lines.append(
                "(\(trace.m - recorded) more samples not recorded; totals below cover all \(trace.m))")
        }
        lines.append("")
        lines.append(
            "cost J = \(format.string(trace.cost)) (data \(format.string(trace.unregularizedCost)) + regularisation \(format.string(trace.regularization)))"
        )
        for index in trace.Delta.indices { lines.append(matrix("Δ\(sup(index + 1))", trace.Delta[index])) }
        for index in trace.D.indices { lines.append(matrix("D\(sup(index + 1))", trace.D[index])) }
        if let check = trace.gradientCheck {
            let kinks = check.kinkEntries?.count ?? 0
            let count =
                kinks == 0
                ? "\(check.checkedParameters) of \(check.totalParameters) parameters"
                : "\(check.judgedParameters) of \(check.checkedParameters) parameters; \(kinks) at a ReLU kink left out"
            lines.append(
                "gradient check (ε = \(NumberFormat.roundTrip(check.epsilon)), \(count)): relative difference \(NumberFormat.scientific(check.relativeDifference))"
                    + (check.isInconclusive ? " (inconclusive: gradients too small for central differences)" : "")
            )
        }
        for index in trace.updatedWeights.indices {
            // With frozen biases column 0 is not updated, so the matrix is not Θ − αD (review F7).
            let label =
                trace.lesson.updateBiases
                ? "Θ\(sup(index + 1)) − αD\(sup(index + 1))" : "updated Θ\(sup(index + 1)) (bias column frozen)"
            lines.append(matrix(label, trace.updatedWeights[index]))
        }
        lines.append("cost after one update = \(format.string(trace.costAfterUpdate))")
        if let training = trace.training, let last = training.costs.last {
            let cut = training.requestedEpochs.map { " (of the lesson's \($0): the short run is capped, see `train`)" } ?? ""
            lines.append("cost after \(training.epochs) epochs\(cut) = \(format.string(last))")
        }
        try write(piece(lines))
    }
}
