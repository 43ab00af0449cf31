import BackpropTestSupport
import Foundation
import Testing

/// MathJax 3 (CHTML output, TeX fonts: what GitHub renders `$…$` and `$$…$$` with) typesetting
/// the Markdown export's math in headless Chromium, as an independent check of the renderer's
/// width model.
///
/// MathJax comes from PyPI's `django-static-mathjax` wheel (MathJax 3.2.2), unpacked by
/// `.ci/run` into `$BACKPROP_MATHJAX` (default `~/.cache/backprop-tutor/mathjax-3.2.2`); the
/// page loads `es5/tex-chtml.js` from there. Its column copies GitHub's: 16 px in GitHub's font
/// stack.
enum MathJaxPage {
    static let environmentVariable = "BACKPROP_MATHJAX"

    /// The folder holding `es5/tex-chtml.js`.
    static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache/backprop-tutor/mathjax-3.2.2")
    }()

    static var script: URL { directory.appendingPathComponent("es5/tex-chtml.js") }
    static var isInstalled: Bool { FileManager.default.fileExists(atPath: script.path) }

    /// Why the test cannot run, and how to install MathJax.
    static var missing: Comment {
        Comment(
            rawValue: """
                MathJax 3 is not installed at \(script.path). Install it as .ci/run does: \
                python3 -m pip download --no-deps django-static-mathjax==3.2.2.1 -d /tmp/mj && \
                python3 -m zipfile -e /tmp/mj/django_static_mathjax-3.2.2.1-py3-none-any.whl /tmp/mj/x && \
                mkdir -p \(directory.path) && cp -R /tmp/mj/x/mathjax/static/mathjax/es5 \(directory.path)/ \
                (or set \(environmentVariable) to a folder holding es5/tex-chtml.js)
                """)
    }

    /// GitHub's Markdown body font.
    static let fontStack = #"-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif"#

    /// `text` with `&`, `<` and `>` escaped for an HTML text node (MathJax reads the text).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The displays of a Markdown document: the lines between a `$$` line and the next, outside
    /// code fences.
    static func displays(_ markdown: String) -> [String] {
        var result: [String] = []
        var current: [String]?
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```") { inFence.toggle() }
            guard !inFence else { continue }
            if line == "$$" {
                if let lines = current {
                    result.append(lines.joined(separator: "\n"))
                    current = nil
                } else {
                    current = []
                }
            } else if current != nil {
                current?.append(String(line))
            }
        }
        return result
    }

    /// A page with `body` in a column `width` px wide that runs `script` once MathJax has
    /// typeset it; the script leaves its answer as JSON in `<pre id="result">`.
    static func page(body: String, width: Int, script: String) -> String {
        """
        <!doctype html><html><head><meta charset="utf-8">
        <style>body{margin:0}.col{width:\(width)px;font-family:\(fontStack);font-size:16px;line-height:1.5}</style>
        <script>window.MathJax={tex:{inlineMath:[['$','$']]},startup:{pageReady:()=>
        MathJax.startup.defaultPageReady().then(()=>{const result=(()=>{\(script)})();
        const pre=document.createElement('pre');pre.id='result';pre.textContent=JSON.stringify(result);
        document.body.appendChild(pre);})}};</script>
        <script src="\(self.script.absoluteString)"></script></head>
        <body><div class="col">\(body)</div></body></html>
        """
    }

    /// Loads `html` in Chromium and returns the JSON its script left, or nil.
    static func run(_ html: String, width: Int) throws -> Any? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-mathjax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        guard
            let dom = Chromium.run(
                [
                    "--allow-file-access-from-files", "--dump-dom", "--virtual-time-budget=600000",
                    "--window-size=\(width + 40),800", file.absoluteString,
                ], timeout: 300),
            let start = dom.range(of: "<pre id=\"result\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { return nil }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }
}
