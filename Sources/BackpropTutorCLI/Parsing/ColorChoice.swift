/// `--color`: when text output uses ANSI colour.
public enum ColorChoice: String, CaseIterable, Sendable {
    /// Only when stdout is a terminal and NO_COLOR is unset (the default).
    case auto
    /// Always.
    case always
    /// Never.
    case never
}
