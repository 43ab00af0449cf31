import BackpropCore
import BackpropRendering

/// The options several commands share. Commands list their `spec`s and read values through
/// these very definitions, so a misspelt option is a compile error.
public enum CommonOptions {
    /// `--lesson NAME|PATH`.
    public static let lesson = TypedOption(
        name: "lesson", valueName: "NAME|PATH",
        summary: "a built-in lesson's name or a lesson file's path (default: \(LessonLibrary.defaultLessonName))")
    /// `--all`: check every parameter.
    public static let all = Flag(
        name: "all", summary: "check every parameter, even above \(GradientCheck.fullCheckLimit) parameters")
    /// `--notation` for the step commands.
    public static let notation = NotationChoice.option(
        summary: "the notation to write formulas in (default: the lesson's, else ng)")
    /// `--sample K|test:K|validation:K`: the sample the per-sample steps follow.
    public static let sample = TypedOption<SampleReference>(
        sampleNamed: "sample",
        summary: "which training sample (1…m) the per-sample steps follow, or test:K / validation:K for a held-out one (default: 1)")
    /// `--precision P`: decimals shown.
    public static let precision = TypedOption<Int>(
        name: "precision", valueName: "P", range: 0...12,
        summary: "decimals shown, 0–12 (default: 4; the trace keeps full precision)")
    /// `--weight NAME`: the weight steps 9 and 11 derive (`step`, `export`).
    public static let weight = TypedOption(
        name: "weight", valueName: "NAME",
        summary: "the weight steps 9 and 11 derive (and step 12 updates in Mazur's notation), named in any notation, e.g. w6 or Theta(2)_12 (default: unit 1 to unit 1)")
    /// `--variant K`: student K's own starting weights (`Lesson.variant(_:)`).
    public static let variant = TypedOption<Int>(
        name: "variant", valueName: "K", range: Lesson.variantRange,
        summary: "student K's own starting weights: the same network and data, weights drawn with seed K "
            + "and rounded to 2 decimals for work by hand (default: 0, the lesson as written)")
    /// The options every command that tells the lesson takes (`step`, `lesson`, `demo`,
    /// `export`), declared once: lesson, variant, notation, sample, precision.
    public static let narration: [OptionSpec] = [lesson.spec, variant.spec, notation.spec, sample.spec, precision.spec]

    /// `--color auto|always|never`.
    public static let color = TypedOption<ColorChoice>(
        name: "color", summary: "colour the text: auto = only on a terminal with NO_COLOR unset (default: auto)")
}
