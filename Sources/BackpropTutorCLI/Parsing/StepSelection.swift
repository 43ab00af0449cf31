import BackpropRendering

/// The steps `--steps` selects, such as `1-15` or `6,10-12`.
enum StepSelection {
    /// The valid step numbers.
    static let range = Step.numbers

    /// The form a selection takes, for error messages.
    static let validForm = "step numbers 1–15 and ascending ranges separated by commas, e.g. 1-15 or 6,10-12"

    /// The selected steps, ascending and without repeats; a usage error for anything else.
    static func parse(_ text: String, command: String) throws(CLIError) -> [Step] {
        func invalid(_ reason: String) -> CLIError {
            .usage("invalid --steps '\(text)': \(reason); use \(validForm)", command: command)
        }
        func number(_ part: Substring) throws(CLIError) -> Int {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else {
                throw invalid("'\(part)' is not a step number")
            }
            guard range.contains(value) else { throw invalid("step \(value) is outside 1–15") }
            return value
        }
        var steps: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            switch bounds.count {
            case 1:
                steps.append(try number(bounds[0]))
            case 2:
                let low = try number(bounds[0])
                let high = try number(bounds[1])
                guard low <= high else { throw invalid("the range \(part) is not ascending") }
                steps += Array(low...high)
            default:
                throw invalid("'\(part)' is neither a step nor a range")
            }
        }
        var unique: [Step] = []
        for step in steps.sorted().compactMap(Step.init(number:)) where unique.last != step { unique.append(step) }
        return unique
    }
}

/// Step numbers as people write them: runs joined with an en dash, `6, 10–12`.
enum StepList {
    /// `numbers` (ascending) in runs: [6, 10, 11, 12] → "6, 10–12".
    static func spoken(_ numbers: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for n in numbers {
            if let last = runs.last, last.1 + 1 == n { runs[runs.count - 1].1 = n } else { runs.append((n, n)) }
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }.joined(separator: ", ")
    }
}
