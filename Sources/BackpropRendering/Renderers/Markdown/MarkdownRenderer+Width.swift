/// How wide a display may be on GitHub, in the em of `MathWidth` (TeX's own widths, as
/// `TeXMetrics` holds them; MathJax sets math with the same TeX font metrics).
///
/// GitHub shows a README in a column about 830 px wide at a 16 px body font and typesets `$$`
/// with MathJax 3 (CHTML output), which scales math so that its x-height matches the reader's
/// font: by 1.13 for Segoe UI up to 1.273 for DejaVu Sans, the widest of GitHub's font stack
/// (measured by the MathJax width test in Chromium). A display fits every reader's column when
/// its TeX width times 16 px times the largest scale is at most 830 px.
extension MarkdownRenderer {
    /// GitHub's Markdown column, in px.
    static let columnPixels = 830.0
    /// GitHub's body font size, in px.
    static let bodyFontPixels = 16.0
    /// The largest scale MathJax gives math beside a font of GitHub's stack (DejaVu Sans).
    static let mathJaxScale = 1.273

    /// The widest displayed line, in em: about 40.8.
    static let displayWidth = columnPixels / (bodyFontPixels * mathJaxScale)
}
