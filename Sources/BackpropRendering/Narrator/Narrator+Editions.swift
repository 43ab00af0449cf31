import BackpropCore

extension Narrator {
    /// The chosen steps told in every registered notation (this narrator's own first, then the
    /// others in the registry's order), with step 15's training run as a plot of the cost per
    /// epoch when the trace ran one; given the traced `lesson`, also what a run of its own
    /// training plan computes (`TrainedViews`), shown after step 15.
    public func editions(steps: [Step] = Step.allCases, training lesson: Lesson? = nil) -> NarrativeEditions {
        let names = [notation.name] + NotationName.allCases.filter { $0 != notation.name }
        let narrators = names.map { name in
            var narrator = Narrator(trace: trace, notation: name, sampleIndex: sampleIndex, decimals: decimals)
            narrator.heldOutSet = heldOutSet
            narrator.chosenWeight = chosenWeight
            return narrator
        }
        let narratives = narrators.map { $0.narrative(steps: steps) }
        var plot: CurvePlot?
        if steps.contains(.gradientDescent), let training = trace.training, training.costs.count > 1 {
            let series = CurveSeries(
                name: "training cost", id: "training-cost",
                points: training.costs.enumerated().map { (x: Double($0.offset), y: $0.element) }, stroke: .solid)
            plot = CurvePlot(title: "cost", xLabel: "epochs", series: [series])
        }
        let trained = steps.contains(.gradientDescent) ? lesson.map(TrainedViews.init(lesson:)) : nil
        var editions = NarrativeEditions(narratives: narratives, trainingPlot: plot, trained: trained)
        editions.derivations = narrators.map { $0.weightDerivations() }
        return editions
    }
}
