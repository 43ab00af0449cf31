import BackpropRendering

/// The steps `--steps` selects, such as `1-15` or `6,10-12`.
enum StepSelection {
    /// The valid step numbers.
    static let range = Step.numbers

    /// The form a selection takes, for error messages.
    static let validForm =
        "step numbers 1–15 and ascending ranges separated by commas, e.g. 1-15 or 6,10-12, or lecture"

    /// `--steps lecture`: the steps one 50-minute class covers. Feedforward (6) gives the
    /// numbers everything else uses; the chain rule for one weight (9) is the idea; the output
    /// error (10), passing it back (11) and the per-sample gradients (12) are backpropagation
    /// itself; the update (15) closes the loop. The setup (1–5) is a handout's job, the cost (7)
    /// and step 8 are usually taught before, and averaging (13) and gradient checking (14) are a
    /// second class. About 25–35 frames at 1–1.5 minutes each.
    static let lecture: [Step] = [.feedforward, .chainRule, .outputError, .hiddenError, .backpropagation, .gradientDescent]
    /// The preset written as a selection, for help and messages.
    static let lectureSpec = "6,9-12,15"

    /// The selected steps, ascending and without repeats; a usage error for anything else.
    static func parse(_ text: String, command: String) throws(CLIError) -> [Step] {
        if text == "lecture" { return lecture }
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
