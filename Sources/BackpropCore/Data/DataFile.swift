import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a learner's data file whole, within `LessonLimits.maximumDataFileBytes`.
///
/// The file is opened once, following symbolic links, without blocking on a FIFO; what was
/// opened is checked with `fstat` before anything is read, so a link to a 1 GB file is refused
/// by its size. Reading stops one byte past the limit whatever the file claimed, so a file
/// that grows while it is read cannot get past it either.
public enum DataFile {
    /// The bytes of the regular file at `path`. `displayName` names it in errors.
    public static func bytes(atPath path: String, displayName: String, limit: Int = LessonLimits.maximumDataFileBytes)
        throws(DataError) -> [UInt8]
    {
        func failure(_ reason: String) -> DataError { .unreadable(file: displayName, reason: reason) }
        guard !path.isEmpty else {
            throw failure("the path is empty; give the path of a .csv, .tsv, .txt or .mat file")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(openFailureReason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(openFailureReason(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("it is a directory; give the path of a data file in it")
        default:
            throw failure(
                "it is not a regular file (a device, FIFO or socket); save the data to a file and give its path")
        }
        func tooLarge(_ size: String) -> DataError {
            failure(
                "the file has \(size) bytes, more than the limit of \(limit); use fewer samples (at most \(LessonLimits.maximumSamples) per set), or write numbers with fewer digits"
            )
        }
        if Int(status.st_size) > limit { throw tooLarge("\(status.st_size)") }
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
        case ENOENT: return "no such file; check the path"
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
