/// A sample's image as grey boxes: one square per pixel, black for full ink (`high`), white
/// for none (`low`), in a thin frame.
extension LaTeXRenderer {
    /// The side of one pixel's square, in cm.
    static let pixelSide = 0.3

    /// The image as a centred TikZ picture.
    func image(_ image: SampleImage) -> String {
        let levels = 101  // black!0 … black!100
        var text = "\\begin{center}\n\\begin{tikzpicture}[x=\(Self.pixelSide)cm, y=\(Self.pixelSide)cm]\n"
        for row in 0..<image.height {
            for column in 0..<image.width {
                let percent = image.shade(row: row, column: column, levels: levels)
                guard percent > 0 else { continue }
                text += "\\fill[black!\(percent)] (\(column),\(-row)) rectangle ++(1,-1);\n"
            }
        }
        text += "\\draw[gray] (0,0) rectangle (\(image.width),\(-image.height));\n"
        text += "\\end{tikzpicture}\n\\end{center}\n\n"
        return text
    }
}
