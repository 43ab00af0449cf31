import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a command's output file all at once: never a partial file, never a silent
/// overwrite, never anything but a regular file replaced.
///
/// The text goes to a temporary file `.backprop-tutor-XXXXXX` (made by `mkstemp`, so its
/// name is short whatever the output's name) in the output's directory, is flushed to disk,
/// and then takes the output's name in one step: `link` when the output must not exist yet
/// (so a file created meanwhile is not overwritten), `rename` with `--force`. SIGINT, SIGTERM
/// and SIGHUP remove the temporary file (`TemporaryFileCleanup`).
///
/// What the output path may be:
/// - absent: created;
/// - a regular file: refused without `--force`, replaced with it, keeping its permission bits
///   (never a set-user-ID, set-group-ID or sticky bit) and, when the writer is root, its owner
///   and group; the file is a new one, so other hard links to the old file keep the old text;
/// - a symbolic link: refused, with or without `--force` (it is not followed, so a link cannot
///   redirect the write, and it is not replaced either); the message names its target;
/// - a directory, device, FIFO or socket: refused, with or without `--force`.
enum OutputFile {
    /// Set (to anything) only by the tests: once the temporary file is written, say so on
    /// standard error and wait up to 60 s before moving it into place, so a test can
    /// interrupt the export at exactly that moment.
    static let holdEnvironmentVariable = "BACKPROP_TUTOR_TEST_HOLD_OUTPUT"

    /// Checks, without writing anything, that `write(_:to:replacing:)` could create `path`:
    /// the name is not empty, nothing but a regular file is there (and that only with
    /// `replacing`), the directory exists and is writable. `train` calls this before
    /// training, so a run is not lost to a path that was wrong from the start.
    static func check(_ path: String, replacing: Bool) throws(CLIError) {
        let (_, directoryPath) = try inspect(path, replacing: replacing)
        guard access(directoryPath, W_OK | X_OK) == 0 else {
            throw .output(
                path: path,
                reason: "cannot create a file in \(directoryPath): \(reason(errno)); choose a writable directory")
        }
    }

    /// Whether two output paths name the same file: the same name in the same directory
    /// (compared by device and inode, so `a/x` and `./a/x` are one file).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        func split(_ path: String) -> (directory: String, name: String) {
            guard let slash = path.lastIndex(of: "/") else { return (".", path) }
            let directory = String(path[..<slash])
            return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
        }
        let (a, b) = (split(first), split(second))
        guard a.name == b.name else { return false }
        var one = stat()
        var two = stat()
        guard stat(a.directory, &one) == 0, stat(b.directory, &two) == 0 else { return a.directory == b.directory }
        return one.st_dev == two.st_dev && one.st_ino == two.st_ino
    }

    /// What is at `path` now: the mode of a regular file it replaces (nil when absent) and its
    /// directory; throws for everything `write` refuses.
    private static func inspect(_ path: String, replacing: Bool) throws(CLIError) -> (Replaced?, String) {
        func failure(_ reason: String) -> CLIError { .output(path: path, reason: reason) }
        guard !path.isEmpty else { throw failure("the file name is empty; give one, e.g. -o lesson.tex") }
        var existing: Replaced?
        var status = stat()
        if lstat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                guard replacing else { throw failure("the file exists; add --force to replace it") }
                // Only the permission bits: a set-user-ID, set-group-ID or sticky bit is never
                // given to the new file.
                existing = Replaced(mode: status.st_mode & 0o777, owner: status.st_uid, group: status.st_gid)
            case S_IFDIR:
                throw failure("it is a directory; give a file name")
            case S_IFLNK:
                let target =
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " to \($0)" } ?? ""
                throw failure(
                    "it is a symbolic link\(target); backprop-tutor writes only regular files, so give the path of the file itself"
                )
            default:
                throw failure(
                    "it is not a regular file (a device, FIFO or socket) and is never replaced; write to a file, or leave out -o to print the document"
                )
            }
        } else if errno != ENOENT {
            throw failure(reason(errno))
        }
        if path.hasSuffix("/") { throw failure("it names a directory; give a file name") }

        let directoryPath = directory(of: path)
        var directoryStatus = stat()
        guard stat(directoryPath, &directoryStatus) == 0, directoryStatus.st_mode & S_IFMT == S_IFDIR else {
            throw failure("the directory \(directoryPath) does not exist; create it first")
        }
        return (existing, directoryPath)
    }

    /// What the replaced file's permissions and owner were.
    private struct Replaced {
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
    }

    /// Writes `text` to `path` through a temporary file in the same directory.
    static func write(_ text: String, to path: String, replacing: Bool) throws(CLIError) {
        func failure(_ reason: String) -> CLIError { .output(path: path, reason: reason) }
        let (existing, directoryPath) = try inspect(path, replacing: replacing)
        var status = stat()

        let template = TemporaryFileCleanup.arm(template: directoryPath + "/.backprop-tutor-XXXXXX")
        defer {
            _ = unlink(template)
            TemporaryFileCleanup.disarm(template)
        }
        let descriptor = mkstemp(template)
        guard descriptor >= 0 else {
            throw failure(
                "cannot create a file in \(directoryPath): \(reason(errno)); choose a writable directory")
        }
        let temporary = String(cString: template)
        do throws(CLIError) {
            try writeAll(Array(text.utf8), to: descriptor, path: path)
            let mask = umask(0)
            umask(mask)
            // The replaced file's owner is kept where the writer may give files away (root);
            // otherwise the new file is the writer's, as any editor's save would make it.
            if let existing, geteuid() == 0 { _ = fchown(descriptor, existing.owner, existing.group) }
            guard fchmod(descriptor, existing?.mode ?? (0o666 & ~mask)) == 0, fsync(descriptor) == 0 else {
                throw failure("cannot write it: \(reason(errno))")
            }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure("cannot write it: \(reason(errno))") }
        holdForTestsIfAsked(temporary)

        if replacing {
            guard rename(temporary, path) == 0 else { throw failure("cannot replace it: \(reason(errno))") }
        } else if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { throw failure("the file exists; add --force to replace it") }
            // A file system without hard links: fall back to check-then-rename.
            guard lstat(path, &status) != 0, rename(temporary, path) == 0 else {
                throw failure("cannot create it: \(reason(code))")
            }
        }
        syncDirectory(directoryPath)
    }

    /// The folder of `path`: the part before the last `/`, `/` for a file at the root, `.`
    /// without a slash. By hand: swift-corelibs-foundation's NSString.deletingLastPathComponent
    /// traps on a one-character name such as "1".
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// Writes every byte, retrying interrupted and partial writes.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(CLIError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                throw .output(path: path, reason: "cannot write it: \(reason(written < 0 ? errno : EIO))")
            }
        }
    }

    /// Flushes the directory entry, so the renamed file survives a crash; best effort.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The test hook: see `holdEnvironmentVariable`.
    private static func holdForTestsIfAsked(_ temporary: String) {
        guard getenv(holdEnvironmentVariable) != nil else { return }
        let note = "backprop-tutor: test hook: holding \(temporary)\n"
        _ = note.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
        for _ in 0..<600 { usleep(100_000) }
    }

    /// `strerror` in lower case, as messages are.
    private static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
