/// A `SampleImage` as lines of shaded blocks, for the terminal and for Markdown code blocks:
/// two characters per pixel (so pixels look square), ` ░▒▓█` from no ink to full ink, in a
/// box so that blank rows and columns still show. Plain Unicode: it reads without colour.
enum ImageShading {
    /// The shades from no ink to full ink.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The boxed image, one string per line.
    static func lines(_ image: SampleImage) -> [String] {
        let rule = String(repeating: "─", count: 2 * image.width)
        var lines = ["┌" + rule + "┐"]
        for row in 0..<image.height {
            var line = "│"
            for column in 0..<image.width {
                let shade = shades[image.shade(row: row, column: column, levels: shades.count)]
                line.append(shade)
                line.append(shade)
            }
            lines.append(line + "│")
        }
        lines.append("└" + rule + "┘")
        return lines
    }
}
