import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a file a learner names, whole and within a size limit: the one reader behind lesson
/// files (`Lesson.load`), data files (`DataFile`) and `diagnose`'s answers.
///
/// The file is opened once, following symbolic links, without blocking on a FIFO; what was
/// opened is checked with `fstat` before anything is read, so a link to a 1 GB file is refused
/// by its size. Reading stops one byte past the limit whatever the file claimed, so a file
/// that grows while it is read cannot get past it either. Failures are reasons in a learner's
/// words; each caller wraps them in its own error, naming the file.
enum BoundedFile {
    /// What the messages say about the kind of file the caller expects.
    struct Words {
        /// Completes "the path is empty; give the path of …": "a .json lesson file".
        var expected: String
        /// Completes "it is a directory; give the path of …": "a .json lesson file in it".
        var inDirectory: String
        /// Completes "… save … to a file and give its path": "the lesson".
        var content: String
        /// What to do when the file is too large, after "more than the limit of N; ".
        var tooLargeAdvice: String
        /// Added to "no such file; check the path" (may be empty).
        var missingHint: String
    }

    /// The bytes of the regular file at `path`, at most `limit`, or the reason they cannot be had.
    static func contents(atPath path: String, limit: Int, words: Words) -> Result<[UInt8], Failure> {
        guard !path.isEmpty else { return .failure(Failure("the path is empty; give the path of \(words.expected)")) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(openFailureReason(errno, words: words))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(openFailureReason(errno, words: words))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Failure("it is a directory; give the path of \(words.inDirectory)"))
        default:
            return .failure(
                Failure(
                    "it is not a regular file (a device, FIFO or socket); save \(words.content) to a file and give its path"))
        }
        func tooLarge(_ size: String) -> Failure {
            Failure("the file has \(size) bytes, more than the limit of \(limit); \(words.tooLargeAdvice)")
        }
        if Int(status.st_size) > limit { return .failure(tooLarge("\(status.st_size)")) }
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
                return .failure(Failure("reading failed: \(errorText(errno))"))
            }
        }
        if count > limit { return .failure(tooLarge("more than \(limit)")) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// Why a file could not be had, in the words a learner needs.
    struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Why `open` or `fstat` failed.
    private static func openFailureReason(_ code: Int32, words: Words) -> String {
        switch code {
        case ENOENT: return "no such file; check the path" + words.missingHint
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
}
