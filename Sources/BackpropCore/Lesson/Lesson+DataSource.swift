extension Lesson {
    /// A lesson's samples named by a data file instead of listed (`"data"`): the file is read
    /// relative to the lesson's folder when the lesson is loaded, with the rules of `import`
    /// (README, "Your own data").
    ///
    /// `"data": {"file": "flowers.csv", "label": "species", "features": ["a", "b"],
    /// "split": "70/15/15", "seed": 1, "scale": "min-max"}`. For Octave text and `.mat` files
    /// `features` names the matrix of inputs (default `X`) and `label` the labels (default
    /// `y`); for CSV and TSV, `label` is required and `features` lists columns. The samples,
    /// classes and `inputScaling` come from the file; `jsonText` writes this reference back, not
    /// the samples, so a trained lesson saved beside the original still names its data.
    public struct DataSource: Equatable, Sendable {
        /// The data file's path as written, relative to the lesson's folder unless absolute.
        public var file: String
        /// The label column or matrix; nil takes `y` for a matrix file.
        public var label: String?
        /// The input columns (CSV) or the one matrix name (Octave, `.mat`); nil for the default.
        public var features: [String]?
        /// How samples are shared; nil for 70/15/15.
        public var split: DataSplit?
        /// The split's seed; nil for 1.
        public var seed: UInt64?
        /// The scaling (`"min-max"`, `"standardize"` or `"none"`); nil for the default: min-max
        /// for CSV, none for matrix files.
        public var scale: String?

        /// A data reference.
        public init(
            file: String, label: String? = nil, features: [String]? = nil, split: DataSplit? = nil, seed: UInt64? = nil,
            scale: String? = nil
        ) {
            self.file = file
            self.label = label
            self.features = features
            self.split = split
            self.seed = seed
            self.scale = scale
        }

        /// The values `"scale"` may take.
        public static let scaleNames = ["min-max", "standardize", "none"]
    }
}
