/// Typed reading of JSON values, for decoders that must say where a value is wrong and how to
/// fix it. Each accessor names the value's JSON path (such as `weights[1][2]`) in its error.
extension JSONValue {
    /// A value that is not what its field needs: where it stands, what is wrong and the fix.
    ///
    /// Knows no file name; a decoder adds it (`LessonDecoder` turns this into
    /// `LessonError.invalid`).
    struct FieldError: Error, Equatable, Sendable {
        /// 1-based line of the offending value, nil when the problem is a missing value.
        var line: Int?
        /// 1-based column (in Unicode scalars) of the offending value.
        var column: Int?
        /// The JSON path of the field, e.g. `samples[3].x`; empty for the top level.
        var path: String
        /// What is wrong, in lower case.
        var problem: String
        /// How to fix it.
        var fix: String

        /// The error for `value` (nil if it is missing) at `path`.
        init(_ value: JSONValue?, _ path: String, _ problem: String, fix: String) {
            self.line = value?.line
            self.column = value?.column
            self.path = path
            self.problem = problem
            self.fix = fix
        }
    }

    /// The text of a string value.
    func string(at path: String, fix: String) throws(FieldError) -> String {
        guard case .string(let text) = kind else {
            throw FieldError(self, path, "expected a string, found \(typeDescription)", fix: fix)
        }
        return text
    }

    /// A string value that must be one of `options`.
    func choice(at path: String, among options: [String]) throws(FieldError) -> String {
        let fix = Self.choiceFix(options)
        let text = try string(at: path, fix: fix)
        guard options.contains(text) else {
            throw FieldError(self, path, Self.unknownValue(text, among: options), fix: fix)
        }
        return text
    }

    /// "unknown value "sigmod" (did you mean "sigmoid"?)": the closest option when one is near.
    static func unknownValue(_ text: String, among options: [String]) -> String {
        let message = "unknown value \"\(text)\""
        guard let guess = Suggestion.closest(to: text, among: options) else { return message }
        return message + " (did you mean \"\(guess)\"?)"
    }

    /// A string value naming a case of `Choice` by its raw value.
    func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type = Choice.self, at path: String)
        throws(FieldError) -> Choice where Choice.RawValue == String
    {
        let fix = Self.choiceFix(Choice.allCases.map(\.rawValue))
        let text = try string(at: path, fix: fix)
        guard let choice = Choice(rawValue: text) else {
            throw FieldError(self, path, Self.unknownValue(text, among: Choice.allCases.map(\.rawValue)), fix: fix)
        }
        return choice
    }

    /// A number value (always finite: the parser refuses NaN, Infinity and overflow).
    func number(at path: String) throws(FieldError) -> Double {
        guard case .number(let number) = kind else {
            throw FieldError(
                self, path, "expected a number, found \(typeDescription)", fix: "write a finite number such as 0.25")
        }
        return number
    }

    /// A number value that is 0 or more.
    func nonNegativeNumber(at path: String) throws(FieldError) -> Double {
        let number = try number(at: path)
        guard number >= 0 else {
            throw FieldError(
                self, path, "must not be negative (found \(Self.text(number)))", fix: "use 0 or a positive number")
        }
        return number
    }

    /// A whole number within `range`.
    func integer(at path: String, in range: ClosedRange<Int>) throws(FieldError) -> Int {
        guard case .number(let number) = kind, number.rounded() == number,
            number >= Double(range.lowerBound), number <= Double(range.upperBound)
        else {
            throw FieldError(
                self, path,
                "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(numberOrType)",
                fix: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }

    /// The items of a list value.
    func list(at path: String, fix: String) throws(FieldError) -> [JSONValue] {
        guard case .array(let items) = kind else {
            throw FieldError(self, path, "expected a list, found \(typeDescription)", fix: fix)
        }
        return items
    }

    /// A list of exactly `count` numbers; `what` says what they stand for, in messages.
    func numbers(at path: String, count: Int, what: String) throws(FieldError) -> [Double] {
        let items = try list(at: path, fix: "write \(what) as a list of \(count) numbers")
        guard items.count == count else {
            throw FieldError(
                self, path, "has \(Self.counted(items.count, "number")) but \(what) needs \(count)",
                fix: "write exactly \(count) numbers"
            )
        }
        // The common case, every item a number, builds no path strings (a large lesson has
        // millions of numbers); the first item that is not one is reported with its path.
        var values: [Double] = []
        values.reserveCapacity(count)
        for (index, item) in items.enumerated() {
            guard case .number(let value) = item.kind else { return try [item.number(at: "\(path)[\(index)]")] }
            values.append(value)
        }
        return values
    }

    /// The number itself for a number value, else a word for its type.
    private var numberOrType: String {
        if case .number(let number) = kind { return Self.text(number) }
        return typeDescription
    }

    /// A number as a message shows it: whole numbers without `.0` (`1025`, not `1025.0`),
    /// others in their shortest round-trip form.
    static func text(_ number: Double) -> String {
        // Whole numbers up to Int64's range print in full (9007199254740992, not …992.0).
        if number.isFinite, number == number.rounded(), Swift.abs(number) < 9.2e18 { return String(Int64(number)) }
        return JSONWriter.number(number)
    }

    /// `count` and `noun`, plural unless the count is 1: `1 number`, `2 numbers`.
    static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }

    private static func choiceFix(_ options: [String]) -> String {
        "use one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
