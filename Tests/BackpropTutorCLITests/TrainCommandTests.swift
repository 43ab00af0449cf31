import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `train`: the outputs it reports, its reproducibility, its files (--plot, --save), its
/// usage errors, its progress on a terminal and off one, and Ctrl-C.
@Suite("train command")
struct TrainCommandTests {
    @Test("xor: all four outputs on the right side of 0.5, a 2 × 2 confusion matrix, exit 0")
    func xor() throws {
        let output = BackpropTutor.execute(["train", "--lesson", "xor"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
        let text = output.standardOutput
        #expect(text.contains("stopped: reached the limit of 2000 epochs"))
        #expect(text.contains("training        4"))
        #expect(text.contains("100.0%"))
        // The outputs table: one row per sample, target and output on the same side of 0.5.
        let rows = lines(text).drop { !$0.hasPrefix("outputs after training") }.dropFirst(3)
        #expect(rows.count == 4)
        for row in rows {
            let cells = row.split(separator: "[").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "] ")) }
            let target = try #require(Double(cells[2]))
            let value = try #require(Double(cells[3]))
            #expect((value >= 0.5) == (target == 1), "\(row)")
        }
    }

    @Test("iris: the 15 Steps' errors of all three sets, and the same bytes for the same seed")
    func iris() throws {
        let first = BackpropTutor.execute(["train", "--lesson", "iris"])
        #expect(first.exitCode == 0, "\(first.standardError)")
        let text = first.standardOutput
        #expect(text.contains("regression error"))
        #expect(text.contains("classification error"))
        let lesson = try LessonLibrary.load("iris")
        let result = Trainer(lesson: lesson).run()
        for (name, samples) in [
            ("training", lesson.samples), ("validation", lesson.validationSamples), ("test", lesson.testSamples),
        ] {
            let evaluation = SetEvaluation.evaluate(result.network, on: samples)
            let row = try #require(lines(text).first { $0.hasPrefix(name + " ") }, "no row for \(name)")
            let format = NumberFormat(decimals: 4)
            #expect(row.contains(format.string(evaluation.regressionError)), "\(row)")
            #expect(row.contains("\(evaluation.misclassified)/\(samples.count)"), "\(row)")
        }
        #expect(text.contains("confusion matrix, test set"))
        #expect(text.contains("setosa") && text.contains("virginica"))
        let second = BackpropTutor.execute(["train", "--lesson", "iris"])
        #expect(second.standardOutput == text)
        let reseeded = BackpropTutor.execute(["train", "--lesson", "iris", "--seed", "16"])
        #expect(reseeded.exitCode == 0)
        #expect(reseeded.standardOutput != text)
    }

    @Test("off a terminal: no control characters but newlines, for every built-in lesson")
    func plainOutput() throws {
        for name in LessonLibrary.builtInNames {
            let output = BackpropTutor.execute(["train", "--lesson", name, "--epochs", "2"])
            #expect(output.exitCode == 0, "\(name): \(output.standardError)")
            let bad = output.standardOutput.unicodeScalars.filter { $0 != "\n" && ControlCharacters.isEscaped($0) }
            #expect(bad.isEmpty, "\(name): \(bad.map { $0.value })")
        }
    }

    @Test("the same bytes on one engine thread and on two (digits, one epoch)")
    func threads() {
        let arguments = ["train", "--lesson", "digits", "--epochs", "1"]
        let one = EngineThreads.$override.withValue(1) { BackpropTutor.execute(arguments) }
        let two = EngineThreads.$override.withValue(2) { BackpropTutor.execute(arguments) }
        #expect(one.exitCode == 0)
        #expect(one.standardOutput == two.standardOutput)
    }

    @Test("on a terminal: the progress line is redrawn with \\r and cleared before the summary")
    func terminalProgress() {
        let terminal = TerminalEnvironment(isTerminal: true, isColorDisabled: true, width: 60)
        let output = BackpropTutor.execute(["train", "--lesson", "xor", "--epochs", "50"], terminal: terminal)
        #expect(output.exitCode == 0)
        let text = output.standardOutput
        #expect(text.contains("\r["), "a progress bar was drawn")
        #expect(text.contains("\r\u{1B}[K\nstopped:") || text.contains("\r\u{1B}[Kstopped:"))
        // No plain every-K lines on a terminal, and no colour with NO_COLOR.
        #expect(!text.contains("\nepoch 0  cost"))
        #expect(!text.contains("\u{1B}[3"))
        for line in text.split(separator: "\r") where line.hasPrefix("[") {
            #expect(line.replacingOccurrences(of: "\u{1B}[K", with: "").count < 60, "\(line)")
        }
    }

    @Test("--color always colours the curves; never and the default off a terminal do not")
    func color() {
        let always = BackpropTutor.execute(["train", "--lesson", "xor", "--epochs", "5", "--color", "always"])
        #expect(always.standardOutput.contains("\u{1B}[34m"))
        let never = BackpropTutor.execute(["train", "--lesson", "xor", "--epochs", "5", "--color", "never"])
        #expect(!never.standardOutput.contains("\u{1B}"))
    }

    @Test("--plot: SVG that parses as XML, whose curve points map back to the recorded costs")
    func plot() throws {
        let file = try TemporaryFile(contents: "", name: "unused")
        defer { file.remove() }
        let path = URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent("curves.svg").path
        let output = BackpropTutor.execute(["train", "--lesson", "iris", "--plot", path])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let collector = SVGCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(collector.rootName == "svg")

        let result = Trainer(lesson: try LessonLibrary.load("iris")).run()
        let expected: [String: [(Double, Double)]] = [
            "training-cost": result.checkpoints.map { (Double($0.updates), $0.trainingCost) },
            "validation-cost": result.checkpoints.map { (Double($0.updates), $0.validationCost ?? .nan) },
            "training-accuracy": result.checkpoints.map { (Double($0.updates), 1 - $0.trainingClassificationError) },
        ]
        for (id, values) in expected {
            let polyline = try #require(collector.polylines[id], "no polyline \(id)")
            let panel = try #require(collector.panels[polyline.panel])
            #expect(polyline.points.count == values.count, "\(id)")
            let xStep = (panel.xHigh - panel.xLow) / panel.width * 0.006
            let yStep = (panel.yHigh - panel.yLow) / panel.height * 0.006
            for ((px, py), (x, y)) in zip(polyline.points, values) {
                let dataX = panel.xLow + (px - panel.left) / panel.width * (panel.xHigh - panel.xLow)
                let dataY = panel.yLow + (1 - (py - panel.top) / panel.height) * (panel.yHigh - panel.yLow)
                #expect(abs(dataX - x) <= xStep, "\(id): x \(dataX) vs \(x)")
                #expect(abs(dataY - y) <= yStep, "\(id): y \(dataY) vs \(y)")
            }
        }
        // The y tick labels sit where the panel's scale puts their values.
        for tick in collector.yTicks {
            let panel = try #require(collector.panels[tick.panel])
            let position = panel.top + panel.height * (1 - (tick.value - panel.yLow) / (panel.yHigh - panel.yLow))
            #expect(abs(position - tick.y) < 0.01)
        }
        #expect(collector.texts.contains("training cost") && collector.texts.contains("validation cost"))
        #expect(collector.texts.contains("updates"))
        #expect(collector.panels.count == 2, "cost and accuracy")

        // An existing file is refused without --force and replaced with it.
        let again = BackpropTutor.execute(["train", "--lesson", "xor", "--epochs", "3", "--plot", path])
        #expect(again.exitCode == 1)
        #expect(again.standardError.contains("the file exists; add --force"))
        let forced = BackpropTutor.execute(["train", "--lesson", "xor", "--epochs", "3", "--plot", path, "--force"])
        #expect(forced.exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("XOR"))
    }

    @Test("--save: a lesson file with the trained weights that loads, steps and traces")
    func save() throws {
        let file = try TemporaryFile(contents: "", name: "unused")
        defer { file.remove() }
        let path = URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent("trained.json").path
        let output = BackpropTutor.execute(["train", "--lesson", "xor", "--save", path])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let saved = try LessonLibrary.load(path)
        let original = try LessonLibrary.load("xor")
        let result = Trainer(lesson: original).run()
        #expect(saved.network == result.network)
        #expect(saved.samples == original.samples)
        #expect(saved.title.hasSuffix("(trained)"))
        let trace = BackpropTutor.execute(["trace", "--lesson", path])
        #expect(trace.exitCode == 0, "\(trace.standardError)")
        let step = BackpropTutor.execute(["step", "6", "--lesson", path])
        #expect(step.exitCode == 0)
        // Training the saved lesson again starts where the first run ended.
        let retrained = BackpropTutor.execute(["train", "--lesson", path, "--epochs", "1"])
        let final = NumberFormat(decimals: 4).string(result.checkpoints.last!.trainingCost)
        #expect(retrained.standardOutput.contains("epoch 0  cost \(final)"))
    }

    @Test(
        "usage errors name the option",
        arguments: [
            (["--scheme", "minibatch"], "needs '--batch-size B'"),
            (["--batch-size", "2"], "applies to mini-batches"),
            (["--scheme", "minibatch", "--batch-size", "5"], "more than the lesson's 4 training samples"),
            (["--learning-rate", "-1"], "at least 0"),
            (["--lambda", "x"], "at least 0"),
            (["--seed", "-3"], "whole number"),
            (["--every", "0"], "at least 1"),
            (["--epochs", "0"], "from 1 to"),
            (["--scheme", "online"], "not a valid value"),
            (["--plot", ""], "needs a file name"),
        ])
    func usage(_ extra: [String], _ fragment: String) {
        expectUsageError(["train", "--lesson", "xor"] + extra, mentioning: fragment)
    }

    @Test("the options change the plan: scheme, batch size, epochs, seed, learning rate")
    func options() {
        let output = BackpropTutor.execute([
            "train", "--lesson", "iris", "--scheme", "minibatch", "--batch-size", "25", "--epochs", "4", "--seed", "2",
            "--learning-rate", "0.5", "--every", "2",
        ])
        #expect(output.exitCode == 0)
        let text = output.standardOutput
        #expect(text.contains("mini-batches of 25"))
        #expect(text.contains("learning rate 0.5"))
        #expect(text.contains("seed 2;"))
        #expect(text.contains("\nepoch 0  cost") && text.contains("\nepoch 2  cost") && text.contains("\nepoch 4  cost"))
        #expect(!text.contains("\nepoch 1  cost"))
    }

    @Test("Ctrl-C (SIGINT to the binary): the summary so far, then exit 130")
    func interrupt() throws {
        let binary = try #require(BinaryTests.binary, "build the binary first")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["train", "--lesson", "digits", "--epochs", "2000", "--every", "1"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("epoch 1  cost"), Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        #expect(text.contains("epoch 1  cost"), "\(text)")
        kill(process.processIdentifier, SIGINT)
        text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(text.contains("stopped: interrupted (Ctrl-C)"))
        #expect(text.contains("confusion matrix, test set"))
        #expect(errors == "backprop-tutor: training stopped by Ctrl-C; the summary above is for the weights reached so far\n")
    }
}

/// Collects what the SVG tests read: panels' scales, polylines' points, tick labels, texts.
final class SVGCollector: NSObject, XMLParserDelegate {
    struct Panel {
        var xLow = 0.0, xHigh = 0.0, yLow = 0.0, yHigh = 0.0, left = 0.0, top = 0.0, width = 0.0, height = 0.0
    }
    var rootName: String?
    var panels: [String: Panel] = [:]
    var polylines: [String: (panel: String, points: [(Double, Double)])] = [:]
    var yTicks: [(panel: String, value: Double, y: Double)] = []
    var texts: [String] = []
    private var currentPanel = ""
    private var currentText: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootName == nil { rootName = name }
        func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? .nan }
        switch name {
        case "g" where attributes["class"] == "panel":
            currentPanel = attributes["id"] ?? ""
            panels[currentPanel] = Panel(
                xLow: number("data-x-low"), xHigh: number("data-x-high"), yLow: number("data-y-low"),
                yHigh: number("data-y-high"), left: number("data-left"), top: number("data-top"),
                width: number("data-width"), height: number("data-height"))
        case "polyline":
            let points = (attributes["points"] ?? "").split(separator: " ").map { pair -> (Double, Double) in
                let parts = pair.split(separator: ",")
                return (Double(parts[0]) ?? .nan, Double(parts[1]) ?? .nan)
            }
            polylines[attributes["id"] ?? ""] = (currentPanel, points)
        case "text":
            currentText = ""
            if attributes["class"] == "y-tick-label" {
                yTicks.append((currentPanel, number("data-value"), number("y")))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { currentText? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let text = currentText { texts.append(text) }
        currentText = nil
    }
}
