/// Math as 2-D Unicode text, through the shared `UnicodeMathWriter`.
extension TextRenderer {
    /// `math` as printed: one line when it fits on one, else every line of its box.
    public func render(_ math: Math) -> String {
        let box = self.box(math)
        return box.isSingleLine ? box.text : box.printedLines.joined(separator: "\n")
    }

    /// `math` as a box of lines with a baseline.
    func box(_ math: Math) -> TextBox {
        mathWriter.walk(math)
    }
}
