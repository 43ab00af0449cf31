/// Where a value came from in a learner's file, so later checks (by `import`, or by an
/// answer-file reader) can name the place when a value is wrong.
public enum DataPlace: Equatable, Sendable, CustomStringConvertible {
    /// A 1-based line of a text file (CSV row, Octave text row).
    case line(Int)
    /// A variable of a `.mat` file, with the 0-based byte offset of its data element.
    case variable(String, byte: Int)

    /// `line 7` or `variable X (byte 128)`.
    public var description: String {
        switch self {
        case .line(let number): return "line \(number)"
        case .variable(let name, let byte): return "variable \(name) (byte \(byte))"
        }
    }
}
