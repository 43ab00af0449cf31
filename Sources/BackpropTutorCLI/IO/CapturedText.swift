/// A sink that keeps what is written, for tests and for `BackpropTutor.execute`.
public final class CapturedText: TextSink {
    /// Everything written so far, in order.
    public private(set) var text = ""
    /// Each `write` call's text, in order, so a test can see that a command streamed.
    public private(set) var writes: [String] = []

    /// An empty capture.
    public init() {}

    /// Appends `text`; never fails.
    public func write(_ text: String) throws(CLIError) {
        self.text += text
        writes.append(text)
    }
}
