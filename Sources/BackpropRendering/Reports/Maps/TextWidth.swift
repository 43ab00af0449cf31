/// A generous estimate of how wide text is in the figures' sans-serif font, so a figure is made
/// wide enough for its heading (SVG text does not wrap).
enum TextWidth {
    /// The width of `text` at 16 px bold: 0.62 em per character, wider than most Latin text.
    static func heading(_ text: String) -> Double { Double(text.count) * 16 * 0.62 }
}
