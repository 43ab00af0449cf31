import Foundation

/// Reading lessons: from a file (size limit, UTF-8) or from text, through `JSONParser` and
/// `LessonDecoder`.
extension Lesson {
    /// Reads and validates a lesson file.
    ///
    /// - Parameter displayName: how the file is named in errors (the path as the user gave it).
    public static func load(contentsOf url: URL, displayName: String) throws(LessonError) -> Lesson {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > LessonLimits.maximumFileBytes {
                throw LessonError.unreadable(
                    file: displayName,
                    reason: "the file has \(size) bytes, more than the limit of \(LessonLimits.maximumFileBytes)")
            }
            data = try Data(contentsOf: url)
        } catch let error as LessonError {
            throw error
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "no such file, or it is not readable"
            throw .unreadable(file: displayName, reason: reason.lowercased())
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: displayName, reason: "it is not UTF-8 text; save it as UTF-8")
        }
        return try decode(text, file: displayName)
    }

    /// Parses and validates lesson JSON. `file` names the source in errors.
    public static func decode(_ text: String, file: String) throws(LessonError) -> Lesson {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw .malformedJSON(file: file, line: error.line, column: error.column, problem: error.message)
        }
        return try LessonDecoder(file: file).lesson(from: root)
    }
}
