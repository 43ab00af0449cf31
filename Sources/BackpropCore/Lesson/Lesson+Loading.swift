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

    /// The bytes of the regular file at `path`, at most the size limit.
    static func readLessonFile(atPath path: String, displayName: String) throws(LessonError) -> [UInt8] {
        func failure(_ reason: String) -> LessonError { .unreadable(file: displayName, reason: reason) }
        guard !path.isEmpty else { throw failure("the path is empty; give the path of a .json lesson file") }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(openFailureReason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(openFailureReason(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("it is a directory; give the path of a .json lesson file in it")
        default:
            throw failure(
                "it is not a regular file (a device, FIFO or socket); save the lesson to a file and give its path")
        }
        let limit = LessonLimits.maximumFileBytes
        func tooLarge(_ size: String) -> LessonError {
            failure("the file has \(size) bytes, more than the limit of \(limit); lessons are far smaller")
        }
        if Int(status.st_size) > limit { throw tooLarge("\(status.st_size)") }
        // Read at most limit + 1 bytes: one more than allowed proves the file is too large.
        var bytes = [UInt8](repeating: 0, count: min(Int(status.st_size), limit) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw failure("reading failed: \(errorText(errno))")
            }
        }
        if count > limit { throw tooLarge("more than \(limit)") }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Why `open` or `fstat` failed, in the words a learner needs.
    private static func openFailureReason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file; check the path (built-in lessons: `backprop-tutor lessons`)"
        case EACCES, EPERM: return "permission denied; make the file readable (chmod +r)"
        case ELOOP: return "too many symbolic links (a link loop?); give the real file's path"
        case ENOTDIR: return "a part of the path is not a directory; check the path"
        case ENAMETOOLONG: return "the path is too long; move the file somewhere shorter"
        default: return "cannot open it: \(errorText(code))"
        }
    }

    /// `strerror` in lower case, as messages are.
    private static func errorText(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
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
