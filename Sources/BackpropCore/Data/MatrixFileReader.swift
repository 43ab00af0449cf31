/// Reads a file of named matrices, telling Octave's text format from a level-5 `.mat` file by
/// its content (a `.mat` file starts with the text `MATLAB`), not by its name.
public enum MatrixFileReader {
    /// The matrices of the file at `path` (named `displayName` in errors).
    public static func read(atPath path: String, displayName: String) throws(DataError) -> MatrixFile {
        try read(DataFile.bytes(atPath: path, displayName: displayName), file: displayName)
    }

    /// The matrices in `bytes`, the whole of the file named `file`.
    public static func read(_ bytes: [UInt8], file: String) throws(DataError) -> MatrixFile {
        if isMAT(bytes) { return try MATReader.read(bytes, file: file) }
        return try OctaveTextReader.read(bytes, file: file)
    }

    /// Whether `bytes` start like a MATLAB `.mat` file.
    public static func isMAT(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("MATLAB".utf8))
    }

    /// Whether `bytes` look like Octave's text format: the first line that is not blank
    /// starts with `# ` (Octave writes `# Created by Octave …` or `# name: …` first).
    public static func isOctaveText(_ bytes: [UInt8]) -> Bool {
        let content = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return content.starts(with: [0x23, 0x20])
    }
}
