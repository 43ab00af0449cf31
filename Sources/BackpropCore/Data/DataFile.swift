/// Reading a learner's data file whole, within `LessonLimits.maximumDataFileBytes`, through
/// the one bounded reader (`BoundedFile`: one open, `fstat` before reading, never past the
/// limit), with a data file's words in its messages.
public enum DataFile {
    /// The bytes of the regular file at `path` (`BoundedFile`). `displayName` names it in errors.
    public static func bytes(atPath path: String, displayName: String, limit: Int = LessonLimits.maximumDataFileBytes)
        throws(DataError) -> [UInt8]
    {
        let words = BoundedFile.Words(
            expected: "a .csv, .tsv, .txt or .mat file", inDirectory: "a data file in it", content: "the data",
            tooLargeAdvice:
                "use fewer samples (at most \(LessonLimits.maximumSamples) per set), or write numbers with fewer digits",
            missingHint: "")
        switch BoundedFile.contents(atPath: path, limit: limit, words: words) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw .unreadable(file: displayName, reason: failure.reason)
        }
    }
}
