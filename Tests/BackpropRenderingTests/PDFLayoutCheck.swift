import Foundation

/// Reads a compiled PDF back through `pdftotext -bbox` (every word with its box in pt) and
/// lists what a reader would find wrong on the page.
///
/// Sizes are judged by a word's box height, which for Latin Modern is 0.885 × its font size
/// (measured: 7 pt text gives 6.19 pt boxes, 8 pt 7.08, 9 pt 7.96, 11 pt 9.69).
/// - Every decimal number on a slide (the values a learner reads, never set as a script) must
///   be at least 7 pt: box ≥ `numberBar`.
/// - Every other word on a slide must be at least 6 pt (box ≥ `wordBar`, which allows a 6 pt
///   script a 2% shrink). 6 pt is the script size TeX gives 8–9 pt math (the subscript of δ₁ in
///   a 9 pt equation); a box cannot tell a script from text, so this is the bar for both. Prime
///   marks alone (′, ″, ‴: Mazur's h′ in a subscript) are marks on a letter, not words.
/// - No word outside the page, on slides and articles.
/// - No word holding "?" (the stand-in for a character the font lacks; no built-in text uses "?").
enum PDFLayoutCheck {
    /// 7 pt × 0.885, less rounding.
    static let numberBar = 6.1
    /// 6 pt × 0.885 × 0.98.
    static let wordBar = 5.2

    struct Word {
        var text: String
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        var height: Double { maxY - minY }
    }

    struct Page {
        var width: Double
        var height: Double
        var words: [Word]
    }

    /// The pages of `pdftotext -bbox` output.
    static func pages(html: String) -> [Page] {
        var pages: [Page] = []
        for line in html.split(separator: "\n") {
            let text = String(line)
            if text.contains("<page ") {
                pages.append(
                    Page(
                        width: attribute("width", in: text) ?? 0, height: attribute("height", in: text) ?? 0, words: [])
                )
            } else if text.contains("<word "), !pages.isEmpty,
                let minX = attribute("xMin", in: text), let minY = attribute("yMin", in: text),
                let maxX = attribute("xMax", in: text), let maxY = attribute("yMax", in: text),
                let open = text.range(of: "\">"), let close = text.range(of: "</word>", options: .backwards),
                open.upperBound <= close.lowerBound
            {
                let word = String(text[open.upperBound..<close.lowerBound])
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                pages[pages.count - 1].words.append(Word(text: word, minX: minX, minY: minY, maxX: maxX, maxY: maxY))
            }
        }
        return pages
    }

    static func attribute(_ name: String, in text: String) -> Double? {
        guard let start = text.range(of: " \(name)=\"") else { return nil }
        let rest = text[start.upperBound...]
        return Double(rest.prefix { $0 != "\"" })
    }

    /// Whether `word` is a decimal number such as 0.5146 or −0.0210.
    static func isNumber(_ word: String) -> Bool {
        var body = Substring(word)
        if body.first == "−" || body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The spacing accents T1 fonts hold where OT1 fonts hold the capital Greek letters
    /// (´ for Δ, ˆ for Θ, ˜ for Λ…): a word with one is a letter set in the wrong encoding, as
    /// `\mathrm{\Delta W}` is in beamer's sans-serif math. No lesson text the tests use has one.
    static let spacingAccents: Set<Unicode.Scalar> = [
        "\u{B4}", "\u{2C6}", "\u{2DC}", "\u{2DA}", "\u{2D9}", "\u{2D8}", "\u{2C7}", "\u{A8}", "\u{AF}", "\u{2DD}",
        "\u{B8}", "\u{2DB}",
    ]

    /// What is wrong with the pages (at most a few examples of each kind).
    static func problems(html: String, isSlides: Bool, wordBar: Double = wordBar) -> [String] {
        let pages = self.pages(html: html)
        guard !pages.isEmpty else { return ["pdftotext -bbox gave no pages"] }
        var small: [String] = []
        var outside: [String] = []
        var unknown: [String] = []
        var misencoded: [String] = []
        for (index, page) in pages.enumerated() {
            for word in page.words {
                let place = "page \(index + 1) '\(word.text)'"
                if isSlides, !["′", "′′", "′′′", "″", "‴"].contains(word.text) {
                    let bar = isNumber(word.text) ? numberBar : wordBar
                    if word.height < bar {
                        small.append(place + " \(String(format: "%.1f", word.height / 0.885)) pt")
                    }
                }
                if word.minX < -0.5 || word.minY < -0.5 || word.maxX > page.width + 0.5 || word.maxY > page.height + 0.5
                {
                    outside.append(place)
                }
                if word.text.contains("?") { unknown.append(place) }
                if word.text.unicodeScalars.contains(where: spacingAccents.contains) { misencoded.append(place) }
            }
        }
        var problems: [String] = []
        if !small.isEmpty {
            problems.append("\(small.count) words below the size bar, e.g. \(small.prefix(4).joined(separator: ", "))")
        }
        if !outside.isEmpty {
            problems.append(
                "\(outside.count) words outside the page, e.g. \(outside.prefix(4).joined(separator: ", "))")
        }
        if !misencoded.isEmpty {
            problems.append(
                "\(misencoded.count) words with a lone accent (a capital Greek letter set in a T1 font), e.g. \(misencoded.prefix(4).joined(separator: ", "))"
            )
        }
        if !unknown.isEmpty {
            problems.append("\(unknown.count) '?' stand-ins, e.g. \(unknown.prefix(4).joined(separator: ", "))")
        }
        return problems
    }

    /// The most frames of a deck that show numbers whose smallest number is set at 8 pt or less
    /// (issue 23, N1: "the largest size that really fits"; 32 % in the round-3 review).
    static let mostSmallNumberShare = 0.10

    /// Frames that show decimal numbers, and those whose smallest number is 8 pt or less (a
    /// box under 8.4 pt × 0.885), read from each page's footline frame number ("12 / 58"); the
    /// overlays of a frame count once.
    static func smallNumberFrames(html: String) -> (numberFrames: Int, small: [String]) {
        var smallest: [String: Double] = [:]
        var order: [String] = []
        for page in pages(html: html) {
            let words = page.words
            guard words.count >= 3, words[words.count - 2].text == "/" else { continue }
            let frame = words[words.count - 3].text
            let sizes = words.dropLast(3).filter { isNumber($0.text) }.map { $0.height / 0.885 }
            guard let least = sizes.min() else { continue }
            if smallest[frame] == nil { order.append(frame) }
            smallest[frame] = min(smallest[frame] ?? .infinity, least)
        }
        return (order.count, order.filter { (smallest[$0] ?? .infinity) <= 8.4 })
    }

    static func smallNumberProblems(html: String) -> [String] {
        let (count, small) = smallNumberFrames(html: html)
        guard count > 0 else { return [] }
        let share = Double(small.count) / Double(count)
        return share > mostSmallNumberShare
            ? ["\(small.count) of \(count) number frames at 8 pt or less (frames \(small.joined(separator: ", ")))"] : []
    }

    /// The frames a beamer deck gives each step: at least 1; for half the steps or more at most
    /// `typicalFramesPerStep`; at most `mostFramesPerStep` (README: "Slides"). A step that would
    /// take more than `BeamerRenderer.framesBeforeSummary` frames shows later layers' equations as
    /// rule and result. Measured maxima at either aspect: 9–10 for the built-in teaching lessons,
    /// 14 for step 12 of digits (64-30-10, Mazur, 16:9), 15 for step 13 of the review's 4-6-5-3
    /// network in the 15 Steps' notation (16:9: its broken 10 pt lines are taller than 8 pt
    /// unbroken ones), plus the network frame that opens steps 6 and 9–13 (issue 23).
    static let typicalFramesPerStep = 4
    static let mostFramesPerStep = 16

    /// Frames per step, counted from the deck's `\frametitle{Step N: …}` lines.
    static func framesPerStep(source: String) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for line in source.split(separator: "\n") where line.hasPrefix("\\frametitle{Step ") {
            let number = line.dropFirst("\\frametitle{Step ".count).prefix { $0.isNumber }
            if let step = Int(number) { counts[step, default: 0] += 1 }
        }
        return counts
    }

    static func framesPerStepProblems(source: String, most: Int) -> [String] {
        let counts = framesPerStep(source: source)
        if counts.isEmpty { return ["no step frames"] }
        var problems = counts.sorted { $0.key < $1.key }.compactMap { step, count in
            count > most ? "step \(step) has \(count) frames (at most \(most))" : nil
        }
        let sorted = counts.values.sorted()
        let median = sorted[(sorted.count - 1) / 2]
        if median > typicalFramesPerStep {
            problems.append("the median step has \(median) frames (at most \(typicalFramesPerStep))")
        }
        return problems
    }
}
