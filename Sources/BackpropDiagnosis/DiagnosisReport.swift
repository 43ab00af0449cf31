import BackpropCore
import Foundation

/// `diagnose`'s output: a text report for the terminal and the `backprop-tutor/diagnosis@1`
/// JSON document.
public struct DiagnosisReport: Sendable {
    /// The diagnosis reported.
    public var diagnosis: Diagnosis
    /// The lesson's name as the user gave it.
    public var lessonName: String
    /// Options after `--lesson NAME` that the step to read needs too (`--variant 5 --notation mazur`).
    public var readingOptions: String = ""
    /// L, for step numbers.
    public var layerCount: Int

    /// A report of `diagnosis` on the lesson called `lessonName`.
    public init(diagnosis: Diagnosis, lessonName: String, layerCount: Int) {
        self.diagnosis = diagnosis
        self.lessonName = lessonName
        self.layerCount = layerCount
    }

    /// The JSON format tag.
    public static let formatTag = "backprop-tutor/diagnosis@1"

    /// The text report: one line per value, then the first wrong one with the right value,
    /// the mistake and its evidence, and the step to read.
    public func text() -> String {
        var lines: [String] = []
        let sampleNote = diagnosis.sample.map { " (sample \($0 + 1))" } ?? ""
        lines.append("Your values against lesson \(lessonName)\(sampleNote):")
        let width = diagnosis.findings.map { $0.given.name.count }.max() ?? 0
        for finding in diagnosis.findings {
            let label: String
            switch finding.status {
            case .right: label = "right"
            case .wrong: label = "WRONG"
            case .shape: label = "SHAPE"
            }
            let note = finding.layoutNote.map { "  (\($0))" } ?? ""
            let name = note.isEmpty ? finding.given.name : finding.given.name.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(label)  \(name)" + note)
        }
        guard let first = diagnosis.firstWrong else {
            lines.append("")
            lines.append("Every value you gave is right.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("")
        let step = first.given.quantity.step(layerCount: layerCount)
        switch first.status {
        case .shape:
            lines.append(
                "First wrong: \(first.given.name) has shape \(first.given.values.shapeDescription), but it should be \(first.expected.shapeDescription).")
        case .wrong, .right:
            lines.append("First wrong: \(first.given.name) (computed in step \(step)).")
        }
        lines += Self.rows(first.given.values, label: "  yours:    ")
        // The right value in the learner's layout when only the orientation differs.
        let given = first.given.values
        let expected =
            given.rows == first.expected.columns && given.columns == first.expected.rows && given.rows != given.columns
            ? first.expected.transposed : first.expected
        lines += Self.rows(expected, label: "  expected: ")
        lines.append("")
        if let explanation = diagnosis.explanation {
            lines.append("Mistake: \(explanation.mistake.id): \(explanation.mistake.explanation).")
            lines.append("  Evidence: \(explanation.evidence).")
        } else {
            lines.append("No single classic mistake reproduces all your numbers; start from \(first.given.name).")
        }
        lines.append("Read: backprop-tutor step \(step) --lesson \(lessonName)" + (readingOptions.isEmpty ? "" : " " + readingOptions))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A matrix as lines: `label` before the first row, each row's first 6 numbers (6
    /// significant digits) in aligned columns, at most 6 rows, within 80 columns.
    static func rows(_ m: Matrix, label: String) -> [String] {
        let shown = m.rowList.prefix(6).map { row in
            row.prefix(6).map { String(format: "%.6g", locale: Locale(identifier: "en_US_POSIX"), $0) }
        }
        let width = shown.flatMap { $0 }.map(\.count).max() ?? 0
        let indent = String(repeating: " ", count: label.count)
        var lines = shown.enumerated().map { index, cells in
            (index == 0 ? label : indent) + cells.map { String(repeating: " ", count: width - $0.count) + $0 }
                .joined(separator: "  ") + (m.columns > 6 ? "  …" : "")
        }
        if m.rows > 6 { lines.append(indent + "… (\(m.rows) rows)") }
        return lines
    }

    /// The `backprop-tutor/diagnosis@1` document.
    public func json(notation: String) -> String {
        func matrix(_ m: Matrix) -> JSONValue.Kind {
            if m.rows == 1 && m.columns == 1 { return .number(m[0, 0]) }
            if m.rows == 1 { return .array(m.row(0).map { JSONValue(.number($0)) }) }
            return .array(m.rowList.map { JSONValue(.array($0.map { JSONValue(.number($0)) })) })
        }
        let quantities: [JSONValue] = diagnosis.findings.map { finding in
            JSONValue(.object([
                ("name", JSONValue(.string(finding.given.name))),
                ("status", JSONValue(.string(finding.status.rawValue))),
                ("given", JSONValue(matrix(finding.given.values))),
                ("expected", JSONValue(matrix(finding.expected))),
            ]))
        }
        let mistake: JSONValue.Kind = diagnosis.explanation.map { explanation in
            .object([
                ("id", JSONValue(.string(explanation.mistake.id))),
                ("explanation", JSONValue(.string(explanation.mistake.explanation))),
                ("evidence", JSONValue(.string(explanation.evidence))),
            ])
        } ?? .null
        return JSONWriter.text(.object([
            ("format", JSONValue(.string(Self.formatTag))),
            ("lesson", JSONValue(.string(lessonName))),
            ("notation", JSONValue(.string(notation))),
            ("quantities", JSONValue(.array(quantities))),
            ("firstWrong", JSONValue(diagnosis.firstWrong.map { .string($0.given.name) } ?? .null)),
            ("mistake", JSONValue(mistake)),
        ])) + "\n"
    }
}
