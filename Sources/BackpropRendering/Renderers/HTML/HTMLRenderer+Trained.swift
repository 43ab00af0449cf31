import BackpropCore

/// "What the trained network computes" at the end of step 15: the run's curves, the decision
/// map with a slider over the trainer's snapshots (2-input lessons), the hidden units as images
/// (image lessons). Each figure's ids are prefixed with the section's id, so the four notations'
/// copies stay distinct.
extension HTMLRenderer {
    func trainedViews(_ views: TrainedViews, id: String, stage: Int, tracedRun: CurvePlot?) -> String {
        let at = " data-stage=\"\(stage)\""
        // When the lesson's plan is the trace's full-batch run, its cost curve is already above.
        let curvesShown = views.curves.filter { !Self.sameCurve($0, tracedRun) }
        var out = "<h3\(at)>What the trained network computes</h3>\n"
        out += "<p\(at)>The lesson's own training plan, run when this page was made (" + XMLEscaping.escaped(views.summary)
            + "); the same run as <code>backprop-tutor train</code>.</p>\n"
        if !curvesShown.isEmpty {
            let curves = TrainingCurvesSVG().element(title: "Training", panels: curvesShown)
            let names = curvesShown.map(\.title).joined(separator: " and ")
            out += "<figure class=\"curve\"\(at)>" + curves.replacingOccurrences(of: " id=\"", with: " id=\"\(id)-run-")
                + "<figcaption>" + XMLEscaping.escaped(Narrator.capitalized(names)) + " over the run"
                + (curvesShown.contains { $0.yAxis.isLogarithmic } ? "; the cost on a log scale, as it spans decades" : "")
                + ".</figcaption></figure>\n"
        }
        if !views.maps.isEmpty {
            let last = views.maps.count - 1
            out += "<figure class=\"map\"\(at)><div class=\"frames\">"
            for (index, map) in views.maps.enumerated() {
                var figure = map
                figure.idPrefix = "\(id)-map-\(index)"
                out += "<div class=\"mapframe\" data-frame=\"\(index)\"" + (index == last ? "" : " hidden") + ">" + figure.element() + "</div>"
            }
            let captions = views.maps.map { XMLEscaping.escaped($0.panels.first?.caption ?? "") }
            out += "</div><label class=\"slider\">Training: <input type=\"range\" class=\"epoch\" min=\"0\" max=\"\(last)\" value=\"\(last)\" "
            out += "data-captions=\"" + captions.joined(separator: "|") + "\" aria-label=\"checkpoint of the training run\"> "
            out += "<output>" + (captions.last ?? "") + "</output></label>"
            out += "<figcaption>The output over the input square with the samples on it, before training and at the trainer's checkpoints; move the slider through the run.</figcaption></figure>\n"
        }
        if var hidden = views.hiddenUnits {
            hidden.idPrefix = id + "-hidden"
            out += "<figure class=\"hidden-units\"\(at)>" + hidden.element()
                + "<figcaption>Each hidden unit's incoming weights after training, drawn as an image (ex4's hidden layer): light for positive, dark for negative weights.</figcaption></figure>\n"
        }
        return out
    }

    /// Whether `plot` draws the same points as `other` (to within 1e-9, relative).
    static func sameCurve(_ plot: CurvePlot, _ other: CurvePlot?) -> Bool {
        guard let other, plot.title == other.title, let a = plot.series.first?.points, let b = other.series.first?.points,
            a.count == b.count
        else { return false }
        return zip(a, b).allSatisfy { p, q in
            p.x == q.x && abs(p.y - q.y) <= 1e-9 * max(abs(p.y), abs(q.y), 1e-300)
        }
    }
}
