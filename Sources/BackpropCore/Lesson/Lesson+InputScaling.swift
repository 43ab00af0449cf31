extension Lesson {
    /// How a lesson's inputs were scaled from the raw data (`"inputScaling"`), so a new sample
    /// can be scaled the same way: input i as the network sees it is (raw − offset[i]) / scale[i].
    ///
    /// The samples in the lesson are already scaled; this records the rule, it does not apply
    /// it on loading (unlike `"inputDivisor"`). `import` computes it from the training set only:
    /// min-max gives offset = the minimum and scale = maximum − minimum, so training inputs lie
    /// in [0, 1]; standardize gives offset = the mean and scale = the standard deviation
    /// (divided by m, not m − 1). A constant input gets scale 1.
    public struct InputScaling: Equatable, Sendable {
        /// How offset and scale were chosen.
        public enum Method: String, CaseIterable, Sendable {
            /// Offset the minimum, scale the range.
            case minMax = "min-max"
            /// Offset the mean, scale the standard deviation.
            case standardize
        }

        /// How offset and scale were chosen.
        public var method: Method
        /// The raw data's column names, one per input, when known.
        public var features: [String]?
        /// Subtracted from raw input i.
        public var offset: [Double]
        /// What raw input i minus its offset is divided by (> 0).
        public var scale: [Double]

        /// A scaling rule with one offset and scale per input.
        public init(method: Method, features: [String]? = nil, offset: [Double], scale: [Double]) {
            self.method = method
            self.features = features
            self.offset = offset
            self.scale = scale
        }

        /// `raw` as the network sees it.
        public func scaled(_ raw: [Double]) -> [Double] {
            zip(raw, zip(offset, scale)).map { ($0 - $1.0) / $1.1 }
        }
    }
}
