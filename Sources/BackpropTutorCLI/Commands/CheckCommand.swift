import BackpropCore
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
        options: [CommonOptions.lesson.spec, CommonOptions.notation.spec, CommonOptions.all.spec])

    /// Runs the check with the project's bar.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try run(arguments, io: io, bar: GradientCheck.passingBar)
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
        let trace = try LessonLoading.trace(lesson, options: options)
        guard let check = trace.gradientCheck else { return }
        let passes = GradientCheck.passes(relativeDifference: check.relativeDifference, bar: bar)
        try io.write(GradientCheckTable.render(trace, notation: notation, passes: passes, bar: bar))
        // Gradients below what central differences resolve: the check cannot judge, so it
        // does not fail (review M1).
        guard passes || check.isInconclusive else {
            throw .gradientCheckFailed(relativeDifference: check.relativeDifference, bar: bar)
        }
    }
}
