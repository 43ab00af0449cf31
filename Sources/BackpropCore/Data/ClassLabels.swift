/// A label per sample turned into classes: the class names, in output-unit order, and each
/// sample's class index (0-based: class k is output unit k + 1 in Ng's 1-based numbering).
///
/// Numeric labels become classes in numeric order, so ex4's labels 1 … 10 map to output units
/// 1 … 10 as ex4 does (its label 10 is the digit 0). Text labels become classes in the order
/// they first appear in the file. A class is named by its label as first written (`"3"`,
/// `"setosa"`).
public struct ClassLabels: Equatable, Sendable {
    /// The class names, one per output unit.
    public var classes: [String]
    /// Each sample's class, an index into `classes`.
    public var indices: [Int]

    /// The most classes a label may have: one output unit each.
    public static let maximumClasses = LessonLimits.maximumUnits

    /// Classes from label texts, numeric when every label is a number.
    ///
    /// - Parameter places: where each label is, for errors (`line 7`).
    public init(texts: [String], places: [String], file: String, column: String) throws(DataError) {
        let numbers = texts.map(DataTable.number)
        if numbers.allSatisfy({ $0 != nil }) {
            self = try Self(numbers: numbers.map { $0 ?? 0 }, texts: texts, places: places, file: file, column: column)
            return
        }
        var classes: [String] = []
        var lookup: [String: Int] = [:]
        var indices: [Int] = []
        indices.reserveCapacity(texts.count)
        for (row, text) in texts.enumerated() {
            let name = String(
                Substring(text).drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            guard !name.isEmpty else {
                throw DataError.malformed(
                    file: file, place: places[row], problem: "the label column \"\(column)\" is empty",
                    fix: "give every row a label, or remove the row")
            }
            if let index = lookup[name] {
                indices.append(index)
            } else {
                try Self.checkCount(classes.count + 1, file: file, place: places[row], column: column)
                lookup[name] = classes.count
                indices.append(classes.count)
                classes.append(name)
            }
        }
        self.classes = classes
        self.indices = indices
    }

    /// Classes from numeric labels, in numeric order; `texts` (if given) names each class by
    /// its label as first written, else the number is written in its shortest form.
    public init(numbers: [Double], texts: [String]? = nil, places: [String], file: String, column: String)
        throws(DataError)
    {
        var firstText: [Double: String] = [:]
        for (row, value) in numbers.enumerated() where firstText[value] == nil {
            try Self.checkCount(
                firstText.count + 1, file: file, place: places[min(row, places.count - 1)], column: column)
            firstText[value] = texts.map { String($0[row].filter { $0 != " " }) } ?? Self.name(value)
        }
        let sorted = firstText.keys.sorted()
        var lookup: [Double: Int] = [:]
        for (index, value) in sorted.enumerated() { lookup[value] = index }
        classes = sorted.map { firstText[$0] ?? Self.name($0) }
        indices = numbers.map { lookup[$0] ?? 0 }
    }

    /// `3` for a whole number, else Swift's shortest form (`2.5`).
    static func name(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    private static func checkCount(_ count: Int, file: String, place: String, column: String) throws(DataError) {
        guard count <= maximumClasses else {
            throw DataError.malformed(
                file: file, place: place,
                problem:
                    "the label \"\(column)\" has more than \(maximumClasses) different values, one output unit each",
                fix: "choose a column of class labels with --label (a few different values)")
        }
    }
}
