/// A key the demo understands, decoded from the bytes a terminal sends.
enum Key: Equatable, Sendable {
    /// A printable character (letters, digits, `?`, space).
    case character(Character)
    case left, right, up, down
    case home, end, pageUp, pageDown
    case enter, backspace, escape
    /// Ctrl-C (byte 3; with raw mode's ISIG off it is a key, not a signal).
    case interrupt
    /// Ctrl-D (byte 4).
    case endOfText
    /// Anything else (other control bytes, unknown escape sequences): ignored.
    case unknown
}
