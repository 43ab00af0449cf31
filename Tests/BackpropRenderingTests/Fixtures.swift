import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation

/// Hand-built narratives for the renderer tests, independent of the Narrator.
enum Fixtures {
    /// The lesson title that must print literally and never run a command.
    static let hostileTitle = #"50% of \input{secret.txt} & $x_1$ {#} ~^"#

    static let theta2 = Math.superscripted(.identifier("Θ"), .parenthesized(.integer(2)))
    static let delta3 = Math.superscripted(.identifier("δ"), .parenthesized(.integer(3)))
    static let a2 = Math.superscripted(.identifier("a"), .parenthesized(.integer(2)))

    /// A small figure: 2 inputs, 2 outputs, values and weights.
    static let figure = NetworkFigure(
        layers: [
            [
                .init(label: .subscripted(.identifier("x"), .integer(1)), activation: 0.05),
                .init(label: .subscripted(.identifier("x"), .integer(2)), activation: 0.10),
            ],
            [
                .init(
                    label: .scripted(.identifier("a"), sub: .integer(1), sup: .parenthesized(.integer(2))),
                    activation: 0.5933, delta: -0.0123),
                .init(
                    label: .scripted(.identifier("a"), sub: .integer(2), sup: .parenthesized(.integer(2))),
                    activation: 0.5969, delta: 0.0456),
            ],
        ],
        layerCaptions: ["layer 1 (input)", "layer 2 (output)"],
        weights: [Matrix([[0.35, 0.15, 0.20], [0.35, 0.25, 0.30]])],
        weightSymbols: [.superscripted(.identifier("Θ"), .parenthesized(.integer(1)))])

    /// Step 12 with one block of every kind.
    static let section = Section(
        number: 12, title: "The error of a hidden layer: δ⁽²⁾ & friends",
        blocks: [
            .heading("Trick 2_chain rule"),
            .paragraph([
                .text("The error 50% of "), .math(delta3), .text(" flows back through "), .math(.transpose(theta2)),
                .text(" with "), .code("g'(z) = a(1 - a)"), .text("."),
            ]),
            .equation(
                Equation(
                    .superscripted(.identifier("δ"), .parenthesized(.integer(2))),
                    [
                        .init(
                            .equals,
                            .row([
                                .transpose(theta2), delta3, .op(.hadamard),
                                .apply(
                                    .prime(.identifier("g")),
                                    .superscripted(.identifier("z"), .parenthesized(.integer(2)))),
                            ])),
                        .init(
                            .equals,
                            .row([
                                .values([[0.40, 0.50], [0.45, 0.55]]), .column([0.7414, -0.2171]), .op(.hadamard),
                                .column([0.2413, 0.2406]),
                            ]), comment: "bias row dropped"),
                        .init(.approximately, .column([0.0036, -0.0040])),
                    ])),
            .why([
                .text("Each "), .math(.subscripted(.identifier("δ"), .identifier("i"))), .text(" is "),
                .math(.partial(.identifier("J"), .subscripted(.identifier("z"), .identifier("i")))), .text("."),
            ]),
            .convention([
                .text("Ng: layer l = 1…L, "),
                .math(
                    .binary(
                        .identifier("error_vector"), .equals,
                        .binary(.identifier("target"), .minus, .identifier("output")))), .text("."),
            ]),
            .table(
                Table(
                    header: [[.text("unit")], [.math(.identifier("a"))], [.math(.identifier("δ"))]],
                    rows: [
                        [[.text("#1")], [.math(.number(0.5933))], [.math(.number(-0.0123))]],
                        [[.text("#2")], [.math(.number(0.5969))], [.math(.number(-0.00001))]],
                    ],
                    rightAligned: [false, true, true])),
            .bullets([
                [.text("sum: "), .math(.sum(.identifier("k"), .subscripted(.identifier("Δ"), .identifier("k"))))],
                [
                    .emphasis("norm"), .text(" "),
                    .math(
                        .norm(
                            .matrix([
                                [.number(1), .ellipsis(.horizontal)], [.ellipsis(.vertical), .ellipsis(.diagonal)],
                            ]))),
                ],
            ]),
            .figure(figure),
        ])

    /// An equation too wide for the page at any size: an 8 × 12 matrix times a vector.
    static let wideEquation = Equation(
        .identifier("z"),
        [
            .init(
                .equals,
                .row([
                    .values((0..<8).map { i in (0..<12).map { j in -0.123456 * Double(i - j) } }),
                    .op(.product), .column((0..<12).map { Double($0) / 7 }), .op(.plus),
                    .column((0..<8).map { -Double($0) / 3 }), .op(.plus), .column((0..<8).map { Double($0) / 9 }),
                ])),
            .init(.equals, .column((0..<8).map { Double($0) * 1.5 })),
        ])
}

/// Lesson documents made the way the CLI makes them, but from the lesson files, `Tracer`,
/// `Narrator` and a renderer directly, so a change to the command line cannot show up as a
/// renderer diff. The defaults are the CLI's: 4 decimals, the lesson's own notation (`ng` if it
/// names none the renderer knows), sample 1, no colour, 80 columns.
extension Fixtures {
    /// The lesson `reference`: a name in `lessons/`, or a path when it contains `/` or ends in
    /// `.json` (as `--lesson` reads it).
    static func lesson(_ reference: String) throws -> Lesson {
        guard reference.contains("/") || reference.hasSuffix(".json") else {
            return try LessonFixtures.lesson(reference)
        }
        return try Lesson.load(contentsOf: URL(fileURLWithPath: reference), displayName: reference)
    }

    /// The path of one of the export review's lessons (`Tests/ReviewLessons/`, shared by every test target).
    static func reviewLessonPath(_ name: String) -> String {
        LessonFixtures.reviewURL(name).path
    }

    /// The narrator for `lesson` in `notation`, or else in the lesson's own notation.
    static func narrator(_ lesson: Lesson, notation: NotationName? = nil, decimals: Int = 4) -> Narrator {
        Narrator(
            trace: Tracer.trace(lesson), notation: notation ?? NotationName(rawValue: lesson.notation),
            decimals: decimals)
    }

    /// One step as `backprop-tutor step N --format F` prints it (beamer, which has no single-step
    /// form in the CLI, gives the step's frames).
    static func step(_ step: Step, of narrator: Narrator, format: OutputFormat) -> String {
        format.renderer(decimals: narrator.decimals, usesColor: false).fragment(narrator.section(step))
    }

    /// The whole lesson as `backprop-tutor export --format F` prints it (text: as `lesson` does).
    static func document(of narrator: Narrator, format: OutputFormat) -> String {
        format.renderer(decimals: narrator.decimals, usesColor: false).document(narrator.narrative())
    }

    /// What a test that used to run `backprop-tutor export ARGUMENTS` gets instead: the same
    /// document from `--lesson`, `--notation` and `--format`, made without the CLI.
    struct ExportOutput {
        /// 0 when the document was made, 1 otherwise.
        var exitCode: Int32
        /// The document.
        var standardOutput: String
        /// Why no document was made.
        var standardError: String
    }

    /// The document for export-style `arguments` (`--lesson L [--notation N] --format F`).
    static func export(_ arguments: [String]) -> ExportOutput {
        var options: [String: String] = [:]
        for index in stride(from: 0, to: arguments.count - 1, by: 2) {
            options[arguments[index]] = arguments[index + 1]
        }
        do {
            guard let format = options["--format"].flatMap(OutputFormat.init(rawValue:)) else {
                return ExportOutput(exitCode: 1, standardOutput: "", standardError: "no valid --format in \(arguments)")
            }
            let lesson = try lesson(options["--lesson"] ?? "ng-lecture")
            let notation = options["--notation"].flatMap(NotationName.init(rawValue:))
            let narrator = narrator(lesson, notation: notation)
            if format == .beamer, let aspect = options["--aspect"].flatMap(BeamerAspect.init(rawValue:)) {
                return ExportOutput(
                    exitCode: 0,
                    standardOutput: BeamerRenderer(decimals: narrator.decimals, aspect: aspect).document(
                        narrator.narrative()), standardError: "")
            }
            return ExportOutput(
                exitCode: 0, standardOutput: document(of: narrator, format: format), standardError: "")
        } catch {
            return ExportOutput(exitCode: 1, standardOutput: "", standardError: "\(error)")
        }
    }
}
