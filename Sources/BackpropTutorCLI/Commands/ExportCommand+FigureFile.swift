import BackpropRendering
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Markdown written to a file (`-o w.md`) whose network is too large for Mermaid gets the
/// figure as SVG beside it (`w.figure.svg`, `MarkdownRenderer+FigureFile`), linked from it.
extension ExportCommand {
    /// The SVG file to write beside the Markdown file `path`, or nil when Mermaid draws the
    /// network (or the format is not Markdown, or the document is printed).
    static func figureFile(
        _ narrative: Narrative, format: OutputFormat, path: String?, decimals: Int
    ) -> (path: String, svg: String)? {
        guard format == .markdown, let path,
            let svg = MarkdownRenderer(decimals: decimals).figureSVG(narrative)
        else { return nil }
        return (MarkdownRenderer.figurePath(beside: path), svg)
    }

    /// Writes the document to `path` and the figure beside it, each atomically: both paths are
    /// checked before either is written, the figure is written first, and a figure that was not
    /// there before is removed again if the document cannot be written, so an error leaves no
    /// document without its figure and no stray figure.
    static func write(
        _ text: String, to path: String, figure: (path: String, svg: String)?, replacing: Bool
    ) throws(CLIError) {
        guard let figure else {
            try OutputFile.write(text, to: path, replacing: replacing)
            return
        }
        try OutputFile.check(path, replacing: replacing)
        try OutputFile.check(figure.path, replacing: replacing)
        var status = stat()
        let existed = lstat(figure.path, &status) == 0
        try OutputFile.write(figure.svg, to: figure.path, replacing: replacing)
        do throws(CLIError) {
            try OutputFile.write(text, to: path, replacing: replacing)
        } catch {
            if !existed { unlink(figure.path) }
            throw error
        }
    }
}
