/// Somewhere a command's text goes: standard output, standard error, or a test's capture.
///
/// A sink writes all of the text or throws; it never writes part of it silently.
public protocol TextSink: AnyObject {
    /// Writes `text`, or throws `CLIError.streamWrite` saying why it could not.
    func write(_ text: String) throws(CLIError)
}
