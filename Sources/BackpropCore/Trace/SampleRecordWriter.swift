/// Writes one sample record of the trace JSON straight to UTF-8, laid out exactly as
/// `JSONWriter` lays out the same object at its place in the `samples` list (two levels deep).
///
/// A trace can hold 20,000 records; building a `JSONValue` tree for each and re-indenting its
/// text cost more than the numbers themselves. The layout rules are JSONWriter's: an object
/// puts one member per line; a list of numbers stays on one line; a list of lists puts one
/// item per line; an empty list is `[]`; numbers are `JSONWriter.number`. A test checks the
/// whole document against `JSONWriter.text` of its own parse.
struct SampleRecordWriter {
    /// The text so far.
    private(set) var bytes: [UInt8] = []

    /// Appends sample `sample`'s record, with its `index` key when `writingIndex`, followed by
    /// `,\n` unless `isLast`.
    mutating func write(_ sample: Trace.SampleTrace, writingIndex: Bool, isLast: Bool) {
        let indent = "    "
        let inner = "      "
        append(indent + "{\n")
        var first = true
        func key(_ name: String) {
            append(first ? "" : ",\n")
            first = false
            append(inner + "\"" + name + "\": ")
        }
        if writingIndex {
            key("index")
            number(Double(sample.index))
        }
        key("x")
        vector(sample.x)
        key("y")
        vector(sample.y)
        key("a")
        vectors(sample.a, indent: inner)
        key("z")
        vectors(sample.z, indent: inner)
        key("activationDerivative")
        vectors(sample.activationDerivative, indent: inner)
        key("outputError")
        vector(sample.outputError)
        key("propagatedError")
        vectors(sample.propagatedError, indent: inner)
        key("delta")
        vectors(sample.delta, indent: inner)
        key("gradient")
        matrices(sample.gradient, indent: inner)
        key("stepWeights")
        matrices(sample.stepWeights, indent: inner)
        key("loss")
        number(sample.loss)
        key("predictedClass")
        number(Double(sample.predictedClass))
        key("targetClass")
        number(Double(sample.targetClass))
        append("\n" + indent + "}" + (isLast ? "\n" : ",\n"))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func number(_ value: Double) {
        append(JSONWriter.number(value))
    }

    /// A list of numbers: one line.
    private mutating func vector(_ values: [Double]) {
        append("[")
        for (position, value) in values.enumerated() {
            if position > 0 { append(", ") }
            number(value)
        }
        append("]")
    }

    /// A list of lists of numbers: one list per line.
    private mutating func vectors(_ lists: [[Double]], indent: String) {
        guard !lists.isEmpty else { return append("[]") }
        let inner = indent + "  "
        append("[\n")
        for (position, list) in lists.enumerated() {
            append(inner)
            vector(list)
            append(position < lists.count - 1 ? ",\n" : "\n")
        }
        append(indent + "]")
    }

    /// A list of matrices, each a list of its rows.
    private mutating func matrices(_ list: [Matrix], indent: String) {
        guard !list.isEmpty else { return append("[]") }
        let inner = indent + "  "
        append("[\n")
        for (position, matrix) in list.enumerated() {
            append(inner)
            vectors(matrix.rowList, indent: inner)
            append(position < list.count - 1 ? ",\n" : "\n")
        }
        append(indent + "]")
    }
}
