/// Why a lesson could not be loaded: always with the file, the place and the fix.
public enum LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not valid JSON.
    case malformedJSON(file: String, line: Int, column: Int, problem: String)
    /// The JSON is valid but a field is wrong. `path` is a JSON path such as `weights[1][0]`.
    case invalid(file: String, line: Int?, column: Int?, path: String, problem: String, fix: String)
    /// No built-in lesson has this name and no file has this path.
    case unknownLesson(name: String, available: [String])

    /// The one-line message shown to the user.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the lesson file: \(reason)"
        case .malformedJSON(let file, let line, let column, let problem):
            return "\(file):\(line):\(column): not valid JSON: \(problem)"
        case .invalid(let file, let line, let column, let path, let problem, let fix):
            let place = line.map { ":\($0):\(column ?? 1)" } ?? ""
            return "\(file)\(place): \(path.isEmpty ? "the lesson" : path): \(problem); fix: \(fix)"
        case .unknownLesson(let name, let available):
            return "no built-in lesson or file named '\(name)'; built-in lessons: "
                + available.joined(separator: ", ") + " (or give a path to a .json file)"
        }
    }
}
