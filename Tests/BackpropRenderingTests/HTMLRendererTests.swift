import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// The HTML page without a browser: its hashes, escaping, MathML and the section contract.
/// (The page in Chromium is tested in `BackpropTutorCLITests/HTMLPageTests`.)
@Suite("HTML page")
struct HTMLRendererTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-256 gives FIPS 180-4's published digests")
    func sha256() {
        #expect(Self.hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.hex(SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // A million "a": many blocks.
        #expect(
            Self.hex(SHA256.digest([UInt8](repeating: 0x61, count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.base64([0, 0, 0]) == "AAAA")
        #expect(SHA256.base64(Array("ab".utf8)) == "YWI=")
    }

    static func page(_ lesson: String = "mazur", notation: NotationName = .mazur) throws -> String {
        let narrator = Narrator(trace: try LessonFixtures.trace(lesson), notation: notation)
        return HTMLRenderer(decimals: 4).document(editions: narrator.editions())
    }

    /// The text between `open` and the next `close` after it.
    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test("the CSP allows exactly the page's own style and script, by their hashes, and nothing else")
    func contentSecurityPolicy() throws {
        let page = try Self.page()
        let policy = try #require(Self.between(page, "http-equiv=\"Content-Security-Policy\" content=\"", "\""))
        #expect(policy.hasPrefix("default-src 'none'; "))
        let style = try #require(Self.between(page, "<style>", "</style>"))
        let script = try #require(Self.between(page, "<script>", "</script>"))
        #expect(policy.contains("style-src 'sha256-\(SHA256.base64Digest(style))'"))
        #expect(policy.contains("script-src 'sha256-\(SHA256.base64Digest(script))'"))
        #expect(!policy.contains("unsafe"))
        // Nothing that policy would block or that fetches: no style attributes, handlers, URLs.
        #expect(!page.contains(" style=\""))
        #expect(!page.contains(" onclick="))
        #expect(!page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!page.contains("https://"))
        #expect(!page.contains(" src="))
        #expect(!page.contains(" href="))
    }

    @Test("one section per step and notation, title pages included, each with its reveal stages")
    func sections() throws {
        let trace = try LessonFixtures.trace("mazur")
        let page = HTMLRenderer(decimals: 4).document(editions: Narrator(trace: trace, notation: .ng).editions())
        for notation in NotationName.allCases {
            for step in 0...15 {
                let tag = "data-step=\"\(step)\" data-notation=\"\(notation.rawValue)\""
                #expect(page.components(separatedBy: tag).count == 2, "\(tag)")
            }
            // The stages are the terminal's and the slides' (TextRenderer.revealed), counted apart.
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                let stages = TextRenderer(decimals: 4).revealed(narrator.section(step)).stageCount
                #expect(
                    page.contains("data-step=\"\(step.number)\" data-notation=\"\(notation.rawValue)\" data-stages=\"\(stages)\""),
                    "step \(step.number) \(notation): \(stages) stages expected")
            }
        }
        #expect(page.components(separatedBy: "<section ").count - 1 == 64)
    }

    @Test("the title page shows the weights but no activation or δ (classroom F1)")
    func titlePage() throws {
        let page = try Self.page()
        let title = try #require(Self.between(page, "data-step=\"0\" data-notation=\"mazur\"", "</section>"))
        #expect(title.contains("0.4000"))  // w5 on its edge
        #expect(!title.contains("0.5933"))  // out_h1
        #expect(!title.contains("0.1385"))  // δ_o1
        let step10 = try #require(Self.between(page, "data-step=\"10\" data-notation=\"mazur\"", "</svg>"))
        #expect(step10.contains("0.5933") && step10.contains("0.1385"))
    }

    @Test("the same lesson gives the same bytes")
    func deterministic() throws {
        #expect(try Self.page("xor", notation: .ng) == Self.page("xor", notation: .ng))
    }

    @Test("script data: JSON whose strings cannot end the script element")
    func scriptData() {
        let json = ScriptData.json(.object([("t", .string("</script><!-- \"q\" \\ \u{7} \u{2028} &"))]))
        #expect(json == #"{"t":"\u003c/script\u003e\u003c!-- \"q\" \\ \u0007 \u2028 \u0026"}"#)
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["t"] == "</script><!-- \"q\" \\ \u{7} \u{2028} &")
    }

    @Test("MathML: scripts, fractions, matrices, transposes and escaped names")
    func mathML() {
        let writer = MathMLWriter(decimals: 4)
        #expect(
            writer.write(Fixtures.theta2)
                == "<msup><mrow><mi>Θ</mi></mrow><mrow><mrow><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">(</mo><mn>2</mn><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">)</mo></mrow></mrow></msup>"
        )
        #expect(writer.write(.identifier("<b>")) == "<mi>&lt;b&gt;</mi>")
        #expect(writer.write(.text("a & b")) == "<mtext>a &amp; b</mtext>")
        #expect(
            writer.write(.column([0.5, -0.25]))
                == "<mrow><mo>[</mo><mtable class=\"mx\"><mtr><mtd><mn>0.5000</mn></mtd></mtr><mtr><mtd><mn>-0.2500</mn></mtd></mtr></mtable><mo>]</mo></mrow>"
        )
        #expect(writer.write(.transpose(.identifier("a"))) == "<msup><mrow><mi>a</mi></mrow><mi mathvariant=\"normal\">T</mi></msup>")
        #expect(writer.write(.number(0.0000123, .scientific(3))).contains("<msup><mn>10</mn><mn>-5</mn></msup>"))
        // Only MathML Core elements.
        let core: Set<String> = ["math", "mi", "mn", "mo", "mtext", "mrow", "msub", "msup", "msubsup", "mfrac", "munder", "mtable", "mtr", "mtd"]
        // The markup, not the script after it (whose `i<ms.length` is no element).
        let page = ((try? Self.page("ng-lecture", notation: .ng)) ?? "").components(separatedBy: "<script")[0]
        var names: Set<String> = []
        var index = page.startIndex
        while let open = page.range(of: "<m", range: index..<page.endIndex) {
            let name = page[page.index(after: open.lowerBound)...].prefix { $0.isLetter }
            names.insert(String(name))
            index = open.upperBound
        }
        names.remove("meta")
        names.remove("main")
        #expect(names.isSubset(of: core), "\(names.subtracting(core))")
    }
}
