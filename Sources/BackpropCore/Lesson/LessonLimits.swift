/// The largest lessons backprop-tutor accepts (documented in README.md).
///
/// They keep a mistyped size from allocating gigabytes; every limit is far above what a
/// lesson that a person reads needs (Ng's 400-25-10 digit network fits).
public enum LessonLimits {
    /// Layers, input and output included.
    public static let maximumLayers = 10
    /// Units in one layer.
    public static let maximumUnits = 1_024
    /// Weights in all Θ together, bias weights included.
    public static let maximumParameters = 200_000
    /// Samples in each of `samples`, `validation` and `test`.
    public static let maximumSamples = 20_000
    /// Epochs of the short training run.
    public static let maximumEpochs = 100_000
    /// Weight updates in one `train` run (`"training"."stop"."updates"`).
    public static let maximumUpdates = 10_000_000
    /// Bytes in a lesson file.
    public static let maximumFileBytes = 32 * 1_024 * 1_024

    /// The title: characters (grapheme clusters, as a reader counts them) and UTF-8 bytes, so
    /// 200 "characters" cannot hide megabytes of combining marks.
    public static let maximumTitleCharacters = 200
    /// The title's UTF-8 bytes.
    public static let maximumTitleBytes = 1_000
    /// The summary's characters: a few paragraphs.
    public static let maximumSummaryCharacters = 10_000
    /// The summary's UTF-8 bytes.
    public static let maximumSummaryBytes = 40_000
    /// One class name's characters.
    public static let maximumClassNameCharacters = 200
    /// One class name's UTF-8 bytes.
    public static let maximumClassNameBytes = 1_000

    /// Whether `text` is within `characters` and `bytes`; the bytes are counted first, so a
    /// huge string is refused without walking its grapheme clusters.
    public static func fits(_ text: String, characters: Int, bytes: Int) -> Bool {
        text.utf8.count <= bytes && text.count <= characters
    }
    /// Bytes in a data file that `import` (or a lesson's `"data"`) reads: CSV, TSV, Octave
    /// text or `.mat`. Larger than a lesson file, because full-precision text of ex4's
    /// 5,000 × 400 digits is about 43 MB.
    public static let maximumDataFileBytes = 64 * 1_024 * 1_024
    /// Numbers in one matrix of a data file (rows × columns), and cells in a CSV: 5,000,000
    /// doubles are 40 MB; ex4's X has 2,000,000. A `.mat` variable announcing more is refused
    /// before anything is allocated for it, and a compressed one is not inflated past it.
    public static let maximumDataValues = 5_000_000
}
