/// The escape sequences the demo writes (xterm's control sequences, which every terminal
/// emulator in use understands). One place, so what is entered is also what is left.
enum TerminalSequence {
    /// Switch to the alternate screen (saving the cursor), hide the cursor, clear.
    static let enterFullScreen = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J"
    /// Reset the colours, show the cursor and go back to the main screen: the exact undo of
    /// `enterFullScreen`. A `StaticString`, so a signal handler can write it without allocating.
    static let leaveFullScreen: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
    /// Cursor to the top-left corner.
    static let home = "\u{1B}[H"
    /// Erase from the cursor to the end of the line.
    static let eraseLineEnd = "\u{1B}[K"
    /// Erase from the cursor to the end of the screen.
    static let eraseScreenEnd = "\u{1B}[J"
    /// Cursor to `row` and `column` (both 1-based).
    static func move(row: Int, column: Int) -> String { "\u{1B}[\(row);\(column)H" }
}
