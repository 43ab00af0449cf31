import BackpropTestSupport
import BackpropTutorCLI
import Foundation
import Testing

/// `export --format html` in a real browser: the page's own self-test (`#selftest`) for every
/// built-in and review lesson at a phone's 390 px, a hostile lesson, and screenshots.
@Suite("HTML page in Chromium", .serialized, .enabled(if: Chromium.isInstalled, Chromium.missing))
struct HTMLPageTests {
    /// A folder for one test's files, removed afterwards.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Exports `lesson` (a name or a path) as a page in `folder`; the page's path.
    static func export(_ lesson: String, into folder: URL, extra: [String] = []) throws -> URL {
        let page = folder.appendingPathComponent("page.html")
        let output = BackpropTutor.execute(["export", "--lesson", lesson, "--format", "html", "-o", page.path] + extra)
        try #require(output.exitCode == 0, "export \(lesson): \(output.standardError)")
        return page
    }

    /// The JSON verdict the page's self-test wrote into the DOM.
    static func verdict(_ dom: String) -> [String: Any]? {
        guard let start = dom.range(of: "<pre id=\"selftest-verdict\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { return nil }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    static let lessons: [String] =
        LessonFixtures.allNames + LessonFixtures.reviewNames.map { LessonFixtures.reviewURL($0).path }

    @Test("the page passes its self-test at 390 px: each selected section shown, every math boxed, no sideways scroll", arguments: lessons)
    func selfTest(_ lesson: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try Self.export(lesson, into: folder)
        let dom = try #require(Chromium.dumpDOM(page.absoluteString + "#selftest"), "chromium did not finish")
        let verdict = try #require(Self.verdict(dom), "no verdict in the DOM of \(lesson)")
        #expect(verdict["ok"] as? Bool == true, "\(lesson): \(verdict["failures"] ?? "")")
        // 16 pages (title + 15 steps) in each of the 4 notations, all visited.
        #expect(verdict["sections"] as? Int == 64)
        #expect((verdict["checked"] as? Int ?? 0) > 64 * 2)
        #expect((verdict["maths"] as? Int ?? 0) > 100)
        #expect(verdict["width"] as? Int == 390)
        // What the network computes, after step 15 in every notation: the decision map with its
        // slider over the run's checkpoints (2-input lessons, each position checked by the
        // self-test), the hidden units as images (digits).
        let html = try String(contentsOf: page, encoding: .utf8)
        if ["xor", "mazur"].contains(lesson) { #expect(verdict["sliders"] as? Int == 4) }
        // A weight clicked on the figure shows its chain rule, from step 9 on, in each notation.
        if lesson == "mazur" { #expect(verdict["derivations"] as? Int == 7 * 4) }
        // Lines highlighted units or weights on the figure.
        #expect((verdict["highlights"] as? Int ?? 0) > 0)
        if lesson == "digits" { #expect(html.components(separatedBy: "<figure class=\"hidden-units\"").count - 1 == 4) }
    }

    /// Title, summary and class names (the output units' names) that try to become markup.
    static let hostileLesson = #"""
        {"title": "<img src=x onerror=alert(1)> \"quoted\" 'single' </title><script>alert(2)</script>",
         "summary": "</script><script>alert(3)</script> & <!-- \u0007 \u001b[2J \u2028 end",
         "classes": ["</script><b>bold</b>", "\"><svg onload=alert(4)>"],
         "layers": [2, 2, 2], "activation": "sigmoid",
         "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8, 0.9], [1.0, 1.1, 1.2]]],
         "samples": [{"x": [0, 1], "y": [1, 0]}, {"x": [1, 0], "y": [0, 1]}]}
        """#

    @Test("a hostile lesson's strings show as text: nothing became markup")
    func hostileLesson() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = folder.appendingPathComponent("hostile.json")
        try Data(Self.hostileLesson.utf8).write(to: lesson)
        let page = try Self.export(lesson.path, into: folder)
        let html = try String(contentsOf: page, encoding: .utf8)
        // The page's own two scripts (data and presenter), and no element the lesson named.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        for markup in ["<img", "<b>", "<svg onload", "</title><script", "<!--"] {
            #expect(!html.contains(markup), "\(markup) reached the page as markup")
        }
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.unicodeScalars.contains { $0 == "\u{7}" || $0 == "\u{1B}" })
        let dom = try #require(Chromium.dumpDOM(page.absoluteString + "#selftest"), "chromium did not finish")
        for element in ["<img", "<b>", "<svg onload", "<title><script"] {
            // In the DOM, text is serialised with < escaped: only real elements match.
            #expect(!dom.contains(element), "the browser made \(element) from the lesson")
        }
        let verdict = try #require(Self.verdict(dom), "the page's script did not run to its verdict")
        #expect(verdict["ok"] as? Bool == true, "\(verdict["failures"] ?? "")")
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test(
        "screenshots of three pages are produced and not blank",
        arguments: [
            ("mazur", "#step=6&notation=mazur&line=all", 1280, 720), ("xor", "#step=12&notation=ng&line=all", 390, 844),
            ("ng-lecture", "#step=11&notation=nielsen&line=all", 1280, 720),
        ])
    func screenshot(_ lesson: String, _ hash: String, _ width: Int, _ height: Int) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try Self.export(lesson, into: folder)
        let png = folder.appendingPathComponent("shot.png")
        #expect(Chromium.screenshot(page.absoluteString + hash, to: png, width: width, height: height))
        let pixels = try PNGPixels(try Data(contentsOf: png))
        #expect(pixels.width == width && pixels.height == height)
        // Text, formulas and the figure cover far more than 2 % of a page; a blank page none.
        #expect(pixels.fractionUnlikeCorner > 0.02, "\(lesson)\(hash): \(pixels.fractionUnlikeCorner)")
    }
}
