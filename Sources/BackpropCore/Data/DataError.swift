/// Why a learner's data file (CSV, TSV, Octave text, MATLAB `.mat`) could not be read:
/// always with the file, the place in it and the fix.
///
/// The place is a line for text files (`line 7`), a byte offset for binary ones
/// (`byte 1,208`), and names the variable when one is being read (`variable X, byte 1,208`).
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or is too large; nothing of it was used.
    case unreadable(file: String, reason: String)
    /// The file was read but its content is wrong at `place`.
    case malformed(file: String, place: String, problem: String, fix: String)

    /// The one-line message shown to the user.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the data file: \(reason)"
        case .malformed(let file, let place, let problem, let fix):
            return "\(file): \(place): \(problem); fix: \(fix)"
        }
    }

    /// `line 7`: how text readers name a place.
    static func line(_ number: Int) -> String { "line \(number)" }

    /// `byte 1208`: how binary readers name a place (0-based offset from the file's start).
    static func byte(_ offset: Int) -> String { "byte \(offset)" }
}
