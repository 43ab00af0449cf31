import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

/// Compiles every built-in lesson in every notation, as an article and as slides, with the
/// real pdflatex, and checks the PDF of a lesson whose title is hostile. pdflatex is required:
/// without it these tests fail (CI installs TeX Live).
@Suite("LaTeX compiles", .serialized)
struct LaTeXCompileTests {
    struct Job: Sendable {
        var name: String
        var source: String
        /// Whether to read the PDF back and check its words (`PDFLayoutCheck`).
        var checksLayout = false
        /// Whether the document is slides (the smallest-size bar applies).
        var isSlides = false
        /// The smallest word box allowed on these slides (see `PDFLayoutCheck`).
        var wordBar = PDFLayoutCheck.wordBar
        /// The most frames a step of these slides may take.
        var mostFramesPerStep = PDFLayoutCheck.mostFramesPerStep
        /// The widest overfull \\hbox tolerated, in pt.
        var overfullLimit = LaTeXCompileTests.overfullLimit
    }

    struct Result: Sendable {
        var name: String
        var problems: [String]
        var seconds: Double
    }

    /// The widest overfull box tolerated, in pt.
    static let overfullLimit = 20.0

    static func requirePDFLaTeX() -> Bool {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/pdflatex") {
            return true
        }
        Issue.record(
            "pdflatex is not installed: install TeX Live (texlive-latex-base, texlive-latex-recommended, texlive-pictures, lmodern) to run the LaTeX tests; CI installs it"
        )
        return false
    }

    /// Runs a program with a timeout; returns its exit status, or nil on timeout.
    static func run(_ program: String, _ arguments: [String], in directory: URL, timeout: Double) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return -1 }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            done.wait()
            return nil
        }
        return process.terminationStatus
    }

    /// Compiles `job` in a fresh directory; returns what is wrong with it.
    static func compile(_ job: Job, keepingIn directory: URL? = nil) -> Result {
        let start = Date()
        let folder =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("backprop-latex-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        var problems: [String] = []
        do {
            try Data(job.source.utf8).write(to: folder.appendingPathComponent("doc.tex"))
        } catch {
            return Result(name: job.name, problems: ["cannot write doc.tex: \(error)"], seconds: 0)
        }
        let status = run(
            "pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"], in: folder,
            timeout: 60)
        let log = (try? String(contentsOf: folder.appendingPathComponent("doc.log"), encoding: .isoLatin1)) ?? ""
        if status == nil { problems.append("pdflatex timed out") }
        if let status, status != 0 {
            let errors = log.components(separatedBy: "\n").filter { $0.hasPrefix("!") }.prefix(3).joined(
                separator: " | ")
            problems.append("pdflatex exited with \(status): \(errors)")
        }
        if log.contains("Undefined control sequence") { problems.append("undefined control sequence") }
        for line in log.components(separatedBy: "\n") where line.hasPrefix("Overfull \\hbox (") {
            let amount = line.dropFirst("Overfull \\hbox (".count).prefix { $0.isNumber || $0 == "." }
            if let points = Double(amount), points > job.overfullLimit { problems.append(line) }
        }
        // A frame's content taller than the frame runs past its bottom edge (beamer centres it).
        if job.isSlides,
            let overfull = log.components(separatedBy: "\n").first(where: { $0.hasPrefix("Overfull \\vbox") })
        {
            problems.append("content taller than its frame: \(overfull)")
        }
        if job.checksLayout, status == 0 {
            _ = run("pdftotext", ["-bbox", "doc.pdf", "doc.html"], in: folder, timeout: 60)
            // Decoded leniently: pdftotext copies the PDF's title into <title> in its own
            // encoding, which is not UTF-8 for a title such as special-chars' "Ünïcödé".
            let data = (try? Data(contentsOf: folder.appendingPathComponent("doc.html"))) ?? Data()
            let html = String(decoding: data, as: UTF8.self)
            problems += PDFLayoutCheck.problems(html: html, isSlides: job.isSlides, wordBar: job.wordBar)
            if job.isSlides {
                problems += PDFLayoutCheck.framesPerStepProblems(source: job.source, most: job.mostFramesPerStep)
                problems += PDFLayoutCheck.smallNumberProblems(html: html)
            }
        }
        return Result(name: job.name, problems: problems, seconds: Date().timeIntervalSince(start))
    }

    /// Compiles the jobs two at a time (the machine's cores are shared).
    static func compileAll(_ jobs: [Job]) -> [Result] {
        final class Queue: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var results: [Result] = []
        }
        let queue = Queue()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let index = queue.lock.withLock {
                    defer { queue.next += 1 }
                    return queue.next
                }
                guard index < jobs.count else { return }
                let result = compile(jobs[index])
                queue.lock.withLock { queue.results.append(result) }
            }
        }
        return queue.results.sorted { $0.name < $1.name }
    }

    static func export(_ arguments: [String]) -> String {
        let output = Fixtures.export(arguments)
        #expect(output.exitCode == 0, "export \(arguments) failed: \(output.standardError)")
        return output.standardOutput
    }

    /// The review's lessons (Tests/ReviewLessons) compiled with the built-in ones.
    static let reviewLessons = ["wide-4-6-5-3", "deep-6-layers", "tanh-softmax", "special-chars"]

    @Test(
        "every built-in and review lesson × notation × {latex, beamer} compiles with no overfull box, and its PDF reads back with no word too small, outside the page or replaced by '?', and at most 10 % of a deck's number frames at 8 pt"
    )
    func builtInLessons() {
        guard Self.requirePDFLaTeX() else { return }
        var jobs: [Job] = []
        let reviewLessons = Self.reviewLessons.map { Fixtures.reviewLessonPath($0) }
        for (index, lesson) in (LessonFixtures.names + reviewLessons).enumerated() {
            for (n, notation) in NotationName.allCases.enumerated() {
                // Both slide shapes, alternating so that each lesson and notation meets each.
                for format in ["latex", "beamer"] {
                    // The review's wide and deep networks need 16:9 (README: "Slides").
                    let needsWidth = lesson.contains("wide-4-6-5-3") || lesson.contains("deep-6-layers")
                    let aspect = needsWidth || (index + n) % 2 == 0 ? "16:9" : "4:3"
                    let name = (lesson as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
                    let jobName = "\(name)-\(notation.rawValue)-\(format)" + (format == "beamer" ? "-\(aspect)" : "")
                    jobs.append(
                        Job(
                            name: jobName,
                            source: Self.export(
                                ["--lesson", lesson, "--notation", notation.rawValue, "--format", format]
                                    + (format == "beamer" ? ["--aspect", aspect] : [])),
                            checksLayout: true, isSlides: format == "beamer", overfullLimit: 0))
                }
            }
        }
        let start = Date()
        let results = Self.compileAll(jobs)
        for result in results where !result.problems.isEmpty {
            Issue.record("\(result.name): \(result.problems.joined(separator: "; "))")
        }
        #expect(results.count == jobs.count)
        print(
            "compiled \(jobs.count) documents in \(NumberFormat(decimals: 1).string(Date().timeIntervalSince(start))) s; slowest \(results.map(\.seconds).max().map { NumberFormat(decimals: 1).string($0) } ?? "-") s"
        )
    }

    @Test("random networks (up to 10 units a layer) compile in every notation without wide overfull boxes")
    func randomLessons() throws {
        guard Self.requirePDFLaTeX() else { return }
        var jobs: [Job] = []
        for seed in [UInt64(3), 8, 13, 16] {
            let trace = Tracer.trace(try RandomLessonTests.lesson(seed: seed))
            for notation in NotationName.allCases {
                let narrative = Narrator(trace: trace, notation: notation).narrative()
                jobs.append(
                    Job(name: "random\(seed)-\(notation.rawValue)", source: LaTeXRenderer().document(narrative)))
            }
        }
        for result in Self.compileAll(jobs) where !result.problems.isEmpty {
            Issue.record("\(result.name): \(result.problems.joined(separator: "; "))")
        }
    }

    @Test("a handout has one page per frame, or a sheet per 2 or 4 frames, and no overlays")
    func handout() throws {
        guard Self.requirePDFLaTeX() else { return }
        let trace = try LessonFixtures.trace("mazur")
        let narrative = Narrator(trace: trace, notation: .mazur).narrative(
            steps: [.feedforward, .chainRule, .outputError, .hiddenError, .backpropagation, .gradientDescent])
        for handout in BeamerHandout.allCases {
            let source = BeamerRenderer(handout: handout).document(narrative)
            let frames = source.components(separatedBy: "\\begin{frame}").count - 1
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "backprop-handout-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = Self.compile(Job(name: "handout-\(handout.rawValue)", source: source), keepingIn: folder)
            #expect(result.problems.isEmpty, "\(result.problems)")
            _ = Self.run("pdftotext", ["-bbox", "doc.pdf", "doc.html"], in: folder, timeout: 60)
            let html = String(decoding: try Data(contentsOf: folder.appendingPathComponent("doc.html")), as: UTF8.self)
            let pages = PDFLayoutCheck.pages(html: html).count
            let sheets = (frames + handout.framesPerSheet - 1) / handout.framesPerSheet
            #expect(pages == sheets, "--handout \(handout.rawValue): \(pages) pages for \(frames) frames")
        }
    }

    @Test("hand-built steps, a too-wide equation and Unicode text compile as article and slides")
    func handBuilt() {
        guard Self.requirePDFLaTeX() else { return }
        let narrative = Narrative(
            title: "Unicode: δ⁽²⁾ ⊙ g′(z) − Θ₁₀ “quoted” — fine",
            preface: [.equation(Fixtures.wideEquation)],
            sections: [Fixtures.section])
        let results = Self.compileAll([
            Job(name: "article", source: LaTeXRenderer().document(narrative)),
            Job(name: "beamer", source: BeamerRenderer().document(narrative)),
        ])
        for result in results where !result.problems.isEmpty {
            Issue.record("\(result.name): \(result.problems.joined(separator: "; "))")
        }
    }

    @Test("a hostile lesson title prints literally and runs nothing", arguments: ["latex", "beamer"])
    func hostileTitle(format: String) throws {
        guard Self.requirePDFLaTeX() else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backprop-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("LEAKED SECRET".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        let json = try LessonFixtures.text("mazur")
        var lesson = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        lesson["title"] = Fixtures.hostileTitle
        lesson["summary"] = #"\write18{touch pwned} \include{secret} \openin5=secret.txt \catcode`\^=7"#
        let lessonURL = folder.appendingPathComponent("hostile.json")
        try JSONSerialization.data(withJSONObject: lesson).write(to: lessonURL)
        let source = Self.export(["--lesson", lessonURL.path, "--format", format])
        let result = Self.compile(Job(name: "hostile-\(format)", source: source), keepingIn: folder)
        #expect(result.problems.isEmpty, "\(result.problems)")
        _ = Self.run("pdftotext", ["doc.pdf", "doc.txt"], in: folder, timeout: 30)
        let text = try String(contentsOf: folder.appendingPathComponent("doc.txt"), encoding: .utf8)
        let normalized = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let title = Fixtures.hostileTitle.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            normalized.contains(title), "the PDF's text does not contain the title literally: \(normalized.prefix(300))"
        )
        #expect(normalized.contains(#"\write18{touch pwned}"#))
        #expect(!normalized.contains("LEAKED"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pwned").path))
    }
}
