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
}
