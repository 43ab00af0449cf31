import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a command's output file all at once: never a partial file, never a silent overwrite.
enum OutputFile {
    /// Writes `text` to `path` through a temporary file in the same directory.
    ///
    /// Without `replacing`, an existing file is left untouched and the write fails; the
    /// no-replace check and the move are one step (`link`), so a file created meanwhile is
    /// not overwritten either.
    static func write(_ text: String, to path: String, replacing: Bool) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .output(path: path, reason: "the directory \(directory) does not exist; create it first")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .output(path: path, reason: "it is a directory; give a file name")
        }
        if !replacing, FileManager.default.fileExists(atPath: path) {
            throw .output(path: path, reason: "the file exists; add --force to replace it")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.isWritableFile(atPath: directory),
            FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8))
        else {
            throw .output(
                path: path,
                reason:
                    "cannot create a file in \(directory): permission denied or no space; choose a writable directory")
        }
        defer { _ = unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw .output(path: path, reason: "cannot replace it: \(String(cString: strerror(errno)))")
            }
        } else if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST {
                throw .output(path: path, reason: "the file exists; add --force to replace it")
            }
            // A file system without hard links: fall back to check-then-rename.
            guard !FileManager.default.fileExists(atPath: path), rename(temporary, path) == 0 else {
                throw .output(path: path, reason: "cannot create it: \(String(cString: strerror(code)))")
            }
        }
    }
}
