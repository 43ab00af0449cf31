import BackpropCore
import BackpropRendering

/// The narrative `export` prints.
///
/// Until the Narrator is on this branch this builds a stand-in from the trace: the title, a
/// preface with the lesson's summary, its settings, the network figure (activations and δ of
/// sample 1, the initial weights) and each layer's forward pass for sample 1, then one short
/// section per requested step. The integrator replaces the sections with the Narrator's.
enum ExportDocument {
    /// The narrative of `lesson` in `notation`, with the sections of `steps` (each 1…15).
    static func narrative(for lesson: Lesson, notation name: Notation.Name, steps: [Int]) -> Narrative {
        let trace = Tracer.trace(lesson, recordedSamples: 1)
        let layerCount = trace.lesson.layers.count
        let notation = Notation(name, layerCount: layerCount)
        var preface: [Block] = []
        if let summary = trace.lesson.summary {
            preface.append(.paragraph([.text(summary)]))
        }
        preface.append(.bullets(facts(trace, notation: notation)))
        preface.append(.figure(figure(trace, notation: notation)))
        if let sample = trace.samples.first {
            preface.append(.heading("The forward pass for sample 1"))
            for l in 2...max(2, layerCount) where l - 2 < sample.z.count {
                let z = sample.z[l - 2]
                let a = sample.a[l - 1]
                preface.append(.equation(Equation(notation.activation(l), equals: [
                    .apply(notation.activationFunction, notation.weightedInput(l)),
                    .apply(notation.activationFunction, .column(z)),
                    .column(a),
                ])))
            }
            preface.append(.heading("The errors for sample 1"))
            for l in 2...max(2, layerCount) where l - 2 < sample.delta.count {
                let delta = sample.delta[l - 2].map { notation.negatesDelta ? -$0 : $0 }
                preface.append(.equation(Equation(notation.delta(l), equals: [.column(delta)])))
            }
        }
        let sections = steps.map { number in
            Section(number: number, title: "Step \(number) of 15", blocks: [
                .paragraph([.text("The narration of this step is written by the Narrator; the numbers above come from the same trace.")]),
            ])
        }
        return Narrative(title: trace.lesson.title, preface: preface, sections: sections)
    }

    /// The lesson's settings as bullet points.
    static func facts(_ trace: Trace, notation: Notation) -> [[Inline]] {
        let info = trace.lesson
        var facts: [[Inline]] = [
            [.text("Layers: " + info.layers.map(String.init).joined(separator: "-") + ", activation " + info.activations.map(\.rawValue).joined(separator: ", ") + ", loss " + info.loss.rawValue + ".")],
            [.text("Learning rate "), .math(.binary(notation.learningRate, .equals, .number(info.learningRate))),
             .text(", regularisation "), .math(.binary(notation.lambda, .equals, .number(info.lambda))),
             .text(", "), .math(.binary(notation.sampleCount, .equals, .integer(trace.m))), .text(" samples.")],
            [.text("Cost "), .math(.binary(notation.cost, .equals, .number(trace.cost))),
             .text(", after one update "), .math(.number(trace.costAfterUpdate)), .text(".")],
        ]
        if let classes = info.classes, !classes.isEmpty {
            facts.append([.text("Classes: " + classes.joined(separator: ", ") + ".")])
        }
        return facts
    }

    /// The network figure: units labelled by the notation's activation symbol with the unit
    /// number as subscript, sample 1's activations and δ, the initial weights.
    static func figure(_ trace: Trace, notation: Notation) -> NetworkFigure {
        let sizes = trace.lesson.layers
        let sample = trace.samples.first
        var layers: [[NetworkFigure.Unit]] = []
        var captions: [String] = []
        for (index, size) in sizes.enumerated() {
            let l = index + 1
            let symbol = notation.activation(l)
            layers.append((0..<size).map { k in
                let label: Math
                if case .superscripted(let base, let sup) = symbol {
                    label = .scripted(base, sub: .integer(k + 1), sup: sup)
                } else {
                    label = .subscripted(symbol, .integer(k + 1))
                }
                let activation = sample.flatMap { index < $0.a.count && k < $0.a[index].count ? $0.a[index][k] : nil }
                let delta = sample.flatMap { index >= 1 && index - 1 < $0.delta.count && k < $0.delta[index - 1].count ? $0.delta[index - 1][k] : nil }
                return NetworkFigure.Unit(label: label, activation: activation, delta: delta)
            })
            let role = index == 0 ? "input" : (index == sizes.count - 1 ? "output" : "hidden")
            captions.append("layer \(l) (\(role))")
        }
        return NetworkFigure(
            layers: layers, layerCaptions: captions, weights: trace.weights,
            weightSymbols: (1..<max(2, sizes.count)).map(notation.weights), showsBiasUnits: true)
    }
}
