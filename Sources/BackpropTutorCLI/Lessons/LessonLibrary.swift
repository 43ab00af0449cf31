import BackpropCore
import Foundation

/// Finds lessons: the built-in ones compiled into the binary, or files by path.
public enum LessonLibrary {
    /// The lesson used when `--lesson` is not given.
    public static let defaultLessonName = "ng-lecture"

    /// The built-in lessons' names, sorted.
    public static var builtInNames: [String] { EmbeddedLessons.all.map(\.name) }

    /// The JSON text of built-in lesson `name`.
    public static func builtInJSON(named name: String) -> String? {
        EmbeddedLessons.all.first { $0.name == name }?.json
    }

    /// Loads `reference`: a built-in lesson's name, or else a path to a lesson file.
    ///
    /// A reference that names an existing file, contains a `/` or ends in `.json` is a path.
    public static func load(_ reference: String?) throws(LessonError) -> Lesson {
        let reference = reference ?? defaultLessonName
        let looksLikePath = reference.contains("/") || reference.hasSuffix(".json")
        if !looksLikePath, let json = builtInJSON(named: reference) {
            return try Lesson.decode(json, file: "built-in lesson '\(reference)'", notations: NotationChoice.names)
        }
        if looksLikePath || FileManager.default.fileExists(atPath: reference) {
            return try Lesson.load(
                contentsOf: URL(fileURLWithPath: reference), displayName: reference, notations: NotationChoice.names)
        }
        throw .unknownLesson(name: reference, available: builtInNames)
    }
}
