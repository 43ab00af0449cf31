import BackpropCore
import BackpropDiagnosis
import BackpropRendering
import Foundation

/// `diagnose ANSWERS`: the learner's own values checked against the lesson's pass, the first
/// wrong one in the order they are computed, and the classic mistake that reproduces them.
public enum DiagnoseCommand: Command {
    /// `--format text|json`.
    public static let format = TypedOption<DiagnosisFormat>(
        name: "format", summary: "a report to read, or backprop-tutor/diagnosis@1 JSON (default: text)")

    /// `--notation`: whose variable names the answers use, besides ex4's and the tool's.
    public static let notation = NotationChoice.option(
        summary: "read network.py's (nielsen), the 15 Steps' (tulleken) or Mazur's variable names too (default: the lesson's)")

    /// `diagnose ANSWERS` and its options.
    public static let spec = CommandSpec(
        name: "diagnose", arguments: "ANSWERS",
        summary: "check your own numbers (a file, or - for standard input) and name the mistake behind wrong ones",
        options: [CommonOptions.lesson.spec, CommonOptions.variant.spec, notation.spec, format.spec],
        notes: "ANSWERS holds your values by name: ex4's (a1 z2 a2 … delta3 Delta1 Theta1_grad J grad) or the tool's\n"
            + "(δ⁽³⁾, D⁽¹⁾), with --notation also network.py's (activations[1], zs[0], delta, nabla_w[0]),\n"
            + "the 15 Steps' (net, output, delta = −δ) or Mazur's (net_h1, out_o1, dEtotal_dw5, w5 after the update),\n"
            + "as JSON {\"lesson\", \"sample\", \"values\": {name: number | [..] | [[..]]}},\n"
            + "Octave text (name = [1 2; 3 4]; or Octave's own display) or numpy's printed arrays.\n"
            + "Exit 0 when every value is right, 1 when any is wrong.\n\nmistakes it recognises:\n"
            + HelpColumns.render(MistakeCatalogue.all.map { ($0.id, $0.explanation) }))

    /// Reads the answers, diagnoses them and writes the report; exit 1 when any value is wrong.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            throw .usage(
                "diagnose takes one answer file (or - for standard input), e.g. backprop-tutor diagnose answers.txt",
                command: spec.name)
        }
        let display = path == "-" ? "standard input" : path
        let answers = try answerFile(path, display: display, io: io)
        let lessonName = arguments.value(CommonOptions.lesson) ?? answers.lesson ?? LessonLibrary.defaultLessonName
        let lesson = try LessonLoading.lesson(named: lessonName, arguments)
        let diagnosis: Diagnosis
        do {
            diagnosis = try Diagnosis(lesson: lesson, answers: answers, notation: arguments.value(notation)?.rawValue)
        } catch {
            throw .answers(file: display, line: error.line, message: error.message, fix: error.fix)
        }
        var report = DiagnosisReport(diagnosis: diagnosis, lessonName: lessonName, layerCount: lesson.network.layerCount)
        // The step to read shows this student's numbers in the learner's notation.
        var reading: [String] = []
        if lesson.variant != 0 { reading += ["--variant", String(lesson.variant)] }
        if let chosen = arguments.value(notation) { reading += ["--notation", chosen.rawValue] }
        report.readingOptions = reading.joined(separator: " ")
        switch arguments.value(format) ?? .text {
        case .text: try io.write(report.text())
        case .json: try io.write(report.json(notation: arguments.value(notation)?.rawValue ?? lesson.notation))
        }
        let wrong = diagnosis.findings.filter { $0.status != .right }.count
        if wrong > 0 { throw .wrongAnswers(count: wrong) }
    }

    /// The answers in `path`: a `.mat` file or Octave's `save -text` output through the data
    /// layer's readers, anything else as text (JSON, Octave/MATLAB assignments and displays, numpy).
    static func answerFile(_ path: String, display: String, io: CommandIO) throws(CLIError) -> AnswerFile {
        if path != "-" {
            let bytes: [UInt8]
            do {
                bytes = try Lesson.readBoundedFile(atPath: path, displayName: display)
            } catch {
                throw .lesson(error)
            }
            if MatrixFileReader.isMAT(bytes) || MatrixFileReader.isOctaveText(bytes) {
                do {
                    return AnswerFile(matrices: try MatrixFileReader.read(bytes, file: display))
                } catch {
                    throw .data(error)
                }
            }
        }
        let text = try read(path, display: display, io: io)
        do {
            return try AnswerFile(text: text)
        } catch {
            throw .answers(file: display, line: error.line, message: error.message, fix: error.fix)
        }
    }

    /// The answer file's text, or standard input's for `-`, within the lesson size limit.
    static func read(_ path: String, display: String, io: CommandIO) throws(CLIError) -> String {
        if path == "-" {
            var lines: [String] = []
            var size = 0
            while let line = io.standardInput?.nextLine() {
                size += line.utf8.count + 1
                guard size <= LessonLimits.maximumFileBytes else {
                    throw .answers(file: display, line: lines.count + 1, message: "the input is larger than \(LessonLimits.maximumFileBytes) bytes", fix: "give only the values to check")
                }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
        let bytes: [UInt8]
        do {
            bytes = try Lesson.readBoundedFile(atPath: path, displayName: display)
        } catch {
            throw .lesson(error)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .answers(file: display, line: 0, message: "it is not UTF-8 text", fix: "save it as UTF-8")
        }
        return text
    }
}

/// `diagnose --format`.
public enum DiagnosisFormat: String, CaseIterable, Sendable {
    case text, json
}
