import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading lessons: from a file (regular files only, size limit, UTF-8) or from text, through
/// `JSONParser` and `LessonDecoder`.
extension Lesson {
    /// Reads and validates a lesson file.
    ///
    /// The file is opened once (following symbolic links, without blocking on a FIFO), and
    /// what was opened is checked with `fstat`: it must be a regular file of at most
    /// `LessonLimits.maximumFileBytes`. Reading stops at the limit whatever the file claimed,
    /// so a file that grows while it is read cannot get past it either. Directories, devices,
    /// FIFOs and sockets are refused with a message saying what they are.
    ///
    /// - Parameter displayName: how the file is named in errors (the path as the user gave it).
    /// - Parameter notations: the notation names a lesson may ask for (the caller's registry);
    ///   nil accepts any name.
    public static func load(contentsOf url: URL, displayName: String, notations: [String]? = nil)
        throws(LessonError) -> Lesson
    {
        // `url.path` drops a trailing '/', which says the path names a directory: kept, the
        // kernel refuses `link.json/` (ENOTDIR) as it refuses `file.json/`.
        let path = url.path + (url.hasDirectoryPath && !url.path.hasSuffix("/") ? "/" : "")
        let bytes = try readLessonFile(atPath: path, displayName: displayName)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(file: displayName, reason: "it is not UTF-8 text; save it as UTF-8")
        }
        return try decode(
            text, file: displayName, notations: notations, directory: url.deletingLastPathComponent().path)
    }

    /// The bytes of the regular file at `path`, refused above the lesson size limit, with the
    /// same located messages as lesson files (for other text files the tool reads, such as
    /// `diagnose`'s answers).
    public static func readBoundedFile(atPath path: String, displayName: String) throws(LessonError) -> [UInt8] {
        try readLessonFile(atPath: path, displayName: displayName)
    }

    /// The bytes of the regular file at `path`, at most the lesson size limit (`BoundedFile`).
    static func readLessonFile(atPath path: String, displayName: String) throws(LessonError) -> [UInt8] {
        let words = BoundedFile.Words(
            expected: "a .json lesson file", inDirectory: "a .json lesson file in it", content: "the lesson",
            tooLargeAdvice: "lessons are far smaller", missingHint: " (built-in lessons: `backprop-tutor lessons`)")
        switch BoundedFile.contents(atPath: path, limit: LessonLimits.maximumFileBytes, words: words) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw .unreadable(file: displayName, reason: failure.reason)
        }
    }

    /// Parses and validates lesson JSON. `file` names the source in errors; `notations` are
    /// the notation names the caller knows (nil accepts any name); `directory` is the folder a
    /// `"data"` file is read relative to (nil refuses `"data"`).
    public static func decode(_ text: String, file: String, notations: [String]? = nil, directory: String? = nil)
        throws(LessonError) -> Lesson
    {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text, expectsObject: true)
        } catch {
            throw .malformedJSON(file: file, line: error.line, column: error.column, problem: error.message)
        }
        return try LessonDecoder(file: file, notations: notations, directory: directory).lesson(from: root)
    }
}
