/// `trace --format`: the trace as JSON (the `backprop-tutor/trace@1` contract) or as text.
public enum TraceFormat: String, CaseIterable, Sendable {
    /// The full-precision JSON trace.
    case json
    /// Every number, labelled, rounded for reading (the default).
    case text
}
