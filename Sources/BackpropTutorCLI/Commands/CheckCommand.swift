import BackpropCore
import BackpropDiagnosis
import BackpropRendering

/// `check`: backprop's gradient against central differences, as a table whose rows are named
/// and ordered in the lesson's notation (or `--notation`'s); a failed check prints its table
/// and exits 1; a check that cannot judge (gradients below what central differences resolve)
/// says so and exits 0.
public enum CheckCommand: Command {
    /// `check` and its options; the summary states the bar from `GradientCheck.passingBar`.
    public static let spec = CommandSpec(
        name: "check",
        summary:
            "compare backprop's gradient with central differences (exit 1 above \(CLIError.compactScientific(GradientCheck.passingBar)))",
        options: [CommonOptions.lesson.spec, CommonOptions.variant.spec, CommonOptions.notation.spec, CommonOptions.all.spec, inject.spec])

    /// `--inject MISTAKE`: check a backprop that makes one of `diagnose`'s mistakes.
    public static let inject = TypedOption<String>(
        OptionSpec(
            name: "inject", valueName: "MISTAKE", allowedValues: MistakeCatalogue.all.map(\.id),
            summary: "check a backprop that makes this classic mistake (see help diagnose): what the check reports"),
        read: { $0 })

    /// Runs the check with the project's bar.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try run(arguments, io: io, bar: GradientCheck.passingBar)
    }

    /// Which weight matrices the injected mistake shows up in: per matrix, how many checked
    /// entries disagree by more than 1e-6 relative.
    static func disagreement(_ trace: Trace, notation: (any Notation)?) -> String {
        guard let numerical = trace.numericalGradient, let check = trace.gradientCheck else { return "" }
        let text = TextRenderer()
        var parts: [String] = []
        for l in trace.D.indices {
            let entries = (check.checkedEntries ?? []).filter { $0.layer == l }
            let positions =
                entries.isEmpty && check.checkedEntries == nil
                ? (0..<trace.D[l].rows).flatMap { i in (0..<trace.D[l].columns).map { (i, $0) } }
                : entries.map { ($0.row, $0.column) }
            let disagreeing = positions.filter { i, j in
                let a = trace.D[l][i, j]
                let b = numerical[l][i, j]
                return abs(a - b) > 1e-6 * max(abs(a) + abs(b), 1e-12)
            }.count
            let name = notation.map { text.render($0.weights(.number(l + 1))) } ?? "Θ⁽\(l + 1)⁾"
            parts.append("\(disagreeing) of \(positions.count) in \(name)")
        }
        let total = parts.isEmpty ? "" : "Entries that disagree (beyond 1e-6 relative): " + parts.joined(separator: ", ") + "."
        return total + " (The check compares gradients only: a mistake in the cost shows in every entry, one in the update in none.)\n"
    }

    /// Runs the check against `bar`: writes the table, then throws
    /// `CLIError.gradientCheckFailed` (exit 1) if the relative difference is above it.
    static func run(_ arguments: ParsedArguments, io: CommandIO, bar: Double) throws(CLIError) {
        try arguments.expectNoPositionals()
        let lesson = try LessonLoading.lesson(arguments)
        let notationName = try NotationChoice.resolve(
            given: arguments.value(CommonOptions.notation), lessonNotation: lesson.notation, command: spec.name)
        let notation = NotationRegistry.notation(named: notationName, layerSizes: lesson.network.layerSizes)
        let options = TraceOptions(
            samples: .first(0), includesGradientCheck: true, checksEveryParameter: arguments.isSet(CommonOptions.all),
            includesTraining: false)
        var trace = try LessonLoading.trace(lesson, options: options)
        if let id = arguments.value(inject), let mistake = MistakeCatalogue.mistake(id: id) {
            trace = InjectedCheck.apply(mistake, to: trace, lesson: lesson)
            try io.write(WordWrap.wrappingLongLines("With the mistake \(id) injected: \(mistake.explanation).\n"))
        }
        guard let check = trace.gradientCheck else { return }
        // With a mistake injected, say where it shows before the table, whose verdict stays last.
        if arguments.value(inject) != nil { try io.write(WordWrap.wrappingLongLines(disagreement(trace, notation: notation))) }
        let (table, passes) = report(trace, notation: notation, bar: bar)
        try io.write(table)
        // Gradients below what central differences resolve: the check cannot judge, so it
        // does not fail (review M1).
        guard passes || check.isInconclusive else {
            throw .gradientCheckFailed(relativeDifference: check.relativeDifference, bar: bar)
        }
    }

    /// What `check` prints for a trace made with the gradient check, and whether the check
    /// passes `bar`: the table in `notation`'s names and order, ending in the verdict line.
    /// The check itself does not depend on the notation, so one trace serves every notation.
    static func report(_ trace: Trace, notation: (any Notation)?, bar: Double) -> (table: String, passes: Bool) {
        let passes =
            trace.gradientCheck.map { GradientCheck.passes(relativeDifference: $0.relativeDifference, bar: bar) }
            ?? false
        return (GradientCheckTable.render(trace, notation: notation, passes: passes, bar: bar), passes)
    }
}
