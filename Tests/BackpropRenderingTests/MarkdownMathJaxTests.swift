import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

/// The Markdown export as GitHub shows it, checked with real MathJax 3 in headless Chromium
/// (`MathJaxPage`), not with the renderer's own width model (review N12): every display fits
/// an 830 px column, and no line of running text starts with punctuation.
@Suite("Markdown under MathJax", .serialized, .enabled(if: Chromium.isInstalled, Chromium.missing))
struct MarkdownMathJaxTests {
    /// GitHub's Markdown column, in px (the review measured it; the renderer's own model is not
    /// consulted).
    static let column = 830

    /// The widest built-in lessons and two review lessons.
    static let lessons = ["ng-lecture", "digits", "iris", "ng-gradcheck-lambda3"]
    static let reviewLessons = ["wide-4-6-5-3", "deep-6-layers"]

    /// Each lesson's exported Markdown (as `export --format markdown` makes it) in every notation.
    static func documents(_ names: [String] = lessons, review: [String] = reviewLessons, notations: [NotationName] = NotationName.allCases) throws -> [(name: String, markdown: String)] {
        var documents: [(String, String)] = []
        let loaded = try names.map { ($0, try LessonFixtures.lesson($0)) }
            + review.map { ($0, try LessonFixtures.reviewLesson($0)) }
        for (name, lesson) in loaded {
            // One trace for every notation (digits' takes most of the time).
            let trace = Tracer.trace(lesson)
            for notation in notations {
                let narrator = Narrator(trace: trace, notation: notation)
                let narrative = narrator.narrative(steps: Step.allCases, includingAlgorithm: true)
                documents.append(("\(name)-\(notation.rawValue)", MarkdownRenderer(decimals: narrator.decimals).document(narrative)))
            }
        }
        return documents
    }

    @Test("every display of the widest lessons, in every notation, fits GitHub's 830 px column under MathJax")
    func displaysFit() throws {
        guard MathJaxPage.isInstalled else {
            Issue.record(MathJaxPage.missing)
            return
        }
        let documents = try Self.documents()
        var body = ""
        var count = 0
        for (name, markdown) in documents {
            for (index, display) in MathJaxPage.displays(markdown).enumerated() {
                body += "<div class=\"d\" data-doc=\"\(name)\" data-n=\"\(index)\">$$\n" + MathJaxPage.escaped(display) + "\n$$</div>\n"
                count += 1
            }
        }
        let script = """
            return [...document.querySelectorAll('.d')].map(d => {
              const c = d.querySelector('mjx-container'), m = d.querySelector('mjx-container mjx-math');
              return [d.dataset.doc + ' display ' + d.dataset.n, m ? m.getBoundingClientRect().width : -1,
                d.querySelector('mjx-merror') ? 1 : 0, c ? parseFloat(c.style.fontSize) || 100 : 0];
            });
            """
        let width = Self.column
        let result = try #require(
            try MathJaxPage.run(MathJaxPage.page(body: body, width: width, script: script), width: width) as? [[Any]],
            "Chromium did not typeset the page")
        #expect(result.count == count, "every display measured")
        var widest = 0.0
        var scale = 0.0
        for row in result {
            guard row.count == 4, let name = row[0] as? String, let measured = row[1] as? Double,
                let errors = row[2] as? Int, let percent = row[3] as? Double
            else {
                Issue.record("unreadable row \(row)")
                continue
            }
            widest = max(widest, measured)
            scale = max(scale, percent)
            #expect(measured > 0 && errors == 0, "\(name): MathJax could not typeset it")
            #expect(
                measured <= Double(width),
                "\(name) is \(Int(measured.rounded())) px wide under MathJax (scale \(percent) %), wider than \(width) px")
        }
        #expect(count > 1000, "the documents hold displays to measure")
        print("MathJax: \(count) displays of \(documents.count) documents, widest \(Int(widest.rounded())) px, scale \(scale) %")
    }

    /// The paragraphs of `markdown` that hold inline math, as HTML (Markdown's backslash
    /// escapes undone outside the math).
    static func paragraphs(_ markdown: String) -> [String] {
        var result: [String] = []
        var inFence = false
        var inDisplay = false
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            if line == "$$" { inDisplay.toggle() }
            guard !inFence, !inDisplay, line.contains("$"), line != "$$", !line.hasPrefix("|"), !line.hasPrefix("#")
            else { continue }
            var html = ""
            var inMath = false
            var escaping = false
            for character in line {
                if inMath {
                    if character == "$" { inMath = false }
                    html += MathJaxPage.escaped(String(character))
                } else if escaping {
                    html += MathJaxPage.escaped(String(character))
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else {
                    if character == "$" { inMath = true }
                    html += MathJaxPage.escaped(String(character))
                }
            }
            result.append(html)
        }
        return result
    }

    @Test("no line of running text starts with punctuation, in columns 300 to 420 px wide")
    func noOrphanedPunctuation() throws {
        guard MathJaxPage.isInstalled else {
            Issue.record(MathJaxPage.missing)
            return
        }
        let documents = try Self.documents(["ng-lecture"], review: ["wide-4-6-5-3"], notations: [.ng, .mazur])
        let widths = [300, 340, 380, 420]
        var body = ""
        var punctuatedMath = 0
        for width in widths {
            body += "<div style=\"width:\(width)px\">"
            for (name, markdown) in documents {
                for paragraph in Self.paragraphs(markdown) {
                    body += "<p data-doc=\"\(name) at \(width) px\">" + paragraph + "</p>\n"
                    if width == widths[0] { punctuatedMath += paragraph.components(separatedBy: ",$").count - 1 }
                }
            }
            body += "</div>"
        }
        let script = """
            const orphans = [];
            document.querySelectorAll('p').forEach(p => {
              const left = p.getBoundingClientRect().left;
              const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                if (node.parentElement.closest('mjx-container')) continue;
                const text = node.textContent;
                for (let i = 0; i < text.length; i++) {
                  if (!/[,.;:?!)]/.test(text[i])) continue;
                  const range = document.createRange();
                  range.setStart(node, i);
                  range.setEnd(node, i + 1);
                  const box = range.getClientRects()[0];
                  if (box && box.left - left < 1) orphans.push(p.dataset.doc + ': "' + text.slice(i, i + 30) + '"');
                }
              }
            });
            return {paragraphs: document.querySelectorAll('p').length, orphans: orphans};
            """
        let result = try #require(
            try MathJaxPage.run(MathJaxPage.page(body: body, width: widths.max()!, script: script), width: widths.max()!)
                as? [String: Any], "Chromium did not typeset the page")
        let orphans = result["orphans"] as? [String] ?? ["no answer"]
        #expect((result["paragraphs"] as? Int ?? 0) > 100, "paragraphs to check")
        #expect(punctuatedMath > 10, "the paragraphs hold formulas followed by a comma")
        #expect(orphans.isEmpty, "lines starting with punctuation: \(orphans.prefix(10))")
    }
}
