import BackpropCore
import BackpropTutorCLI
import Foundation
import Testing

/// `import` (issue 24): hostile CSVs, a CSV round trip through `train --save` checked by an
/// independent forward pass, and ex4-style files written by Octave whose costs Octave computed.
@Suite("import")
struct ImportCommandTests {
    static let data = Fixtures.packageRoot.appendingPathComponent("Tests/BackpropCoreTests/Fixtures/Data")

    /// Octave's nnCostFunction on the ex4-like fixtures (make_fixtures.m prints them; ex4-costs.txt).
    static let octaveCost = (lambda0: 2.4964074074610902, lambda1: 2.5991841787444314)

    /// A fresh directory, removed by the caller.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Two features, three classes in clusters; `count` samples per class, in a fixed order.
    static func clustersCSV(count: Int = 12) -> String {
        var generator = SplitMix64(seed: 5)
        var text = "width,height,kind,note\n"
        let centres: [(String, Double, Double)] = [("round", 2, 8), ("tall", 8, 9), ("flat", 5, 1)]
        for k in 0..<count {
            for (name, x, y) in centres {
                let dx = generator.nextUnitInterval() * 2 - 1
                let dy = generator.nextUnitInterval() * 2 - 1
                text += "\(x + dx),\(y + dy),\(name),\"sample \(k), \"\"\(name)\"\"\"\n"
            }
        }
        return text
    }

    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    // MARK: Hostile files

    @Test(
        "hostile CSVs are refused with the file, the line and the fix; exit 1; no lesson written",
        arguments: [
            ("ragged.csv", "a,b,kind\n1,2,x\n3,y\n", "line 3: this row has 2 fields but the header has 3"),
            ("empty.csv", "", "line 1: the file is empty"),
            ("header.csv", "a,b,kind\n", "line 2: the file has a header but no rows of data"),
            ("text.csv", "a,b,kind\n1,2,x\n3,four,y\n", "line 3: column \"b\" holds \"four\", which is not a number"),
            ("quote.csv", "a,b,kind\n1,2,\"x\n3,4,y\n", "line 2: a quote opened on this line is never closed"),
            ("nolabel.csv", "a,b,class\n1,2,x\n", "line 1: no column is called \"kind\""),
            ("onelabel.csv", "a,b,kind\n1,2,x\n3,4,x\n", "line 2: every sample has the same label \"x\""),
        ])
    func hostile(_ name: String, _ text: String, _ message: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(text, name, in: directory)
        let out = directory.appendingPathComponent("out.json").path
        let features = name == "text.csv" ? ["--features", "a,b"] : []
        let output = BackpropTutor.execute(["import", path, "--label", "kind", "-o", out] + features)
        #expect(output.exitCode == 1, "\(output.standardError)")
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.hasPrefix("backprop-tutor: \(path): \(message)"), "\(output.standardError)")
        #expect(output.standardError.contains("; fix: "))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a symbolic link announcing 1 GB is refused by its size, before reading; no lesson written")
    func hugeLink() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = directory.appendingPathComponent("big")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let link = directory.appendingPathComponent("data.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: big.path)
        let out = directory.appendingPathComponent("out.json").path
        let output = BackpropTutor.execute(["import", link, "--label", "kind", "-o", out])
        #expect(output.exitCode == 1)
        #expect(
            output.standardError.hasPrefix(
                "backprop-tutor: \(link): cannot read the data file: the file has 1073741824 bytes, more than the limit of 67108864; use fewer samples"
            ), "\(output.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a UTF-8 byte-order mark and CRLF line ends are read like plain LF text")
    func byteOrderMark() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try Self.write(Self.clustersCSV(), "plain.csv", in: directory)
        let marked = try Self.write(
            "\u{FEFF}" + Self.clustersCSV().replacingOccurrences(of: "\n", with: "\r\n"), "marked.csv", in: directory)
        let first = BackpropTutor.execute(["import", plain, "--label", "kind"])
        let second = BackpropTutor.execute(["import", marked, "--label", "kind"])
        #expect(first.exitCode == 0 && second.exitCode == 0, "\(second.standardError)")
        #expect(first.standardOutput.replacingOccurrences(of: "plain.csv", with: "marked.csv") == second.standardOutput)
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            (["import"], "import takes one data file"),
            (["import", "X.csv", "--label", "k", "--split", "70/20"], "'--split' takes"),
            (["import", "X.csv", "--label", "k", "--hidden", "0"], "'--hidden' takes"),
            (["import", "X.csv", "--label", "k", "--activation", "sigmod"], "'--activation' takes"),
            (["import", "X.csv", "--label", "k", "--seed", "-1"], "'--seed' takes"),
            (["import", "X.csv", "--label", "k", "--lambda", "x"], "'--lambda' takes"),
        ])
    func usage(_ arguments: [String], _ fragment: String) {
        expectUsageError(arguments, mentioning: fragment)
    }

    @Test("a CSV without --label, and an invalid combination of options, are usage errors")
    func usageNeedsFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Self.clustersCSV(), "c.csv", in: directory)
        expectUsageError(["import", path], mentioning: "import needs --label COLUMN")
        expectUsageError(
            ["import", path, "--label", "kind", "--activation", "relu"],
            mentioning: "cross-entropy needs a sigmoid or softmax output layer")
    }

    // MARK: CSV

    static func lesson(_ arguments: [String]) throws -> Lesson {
        let output = BackpropTutor.execute(arguments)
        #expect(output.exitCode == 0, "\(output.standardError)")
        return try Lesson.decode(output.standardOutput, file: "out.json")
    }

    @Test("--split 100/0/0 --scale none keeps every sample, unscaled and in file order; classes in first-seen order")
    func keepAll() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Self.clustersCSV()
        let path = try Self.write(text, "c.csv", in: directory)
        let lesson = try Self.lesson(["import", path, "--label", "kind", "--split", "100/0/0", "--scale", "none"])
        #expect(lesson.classes == ["round", "tall", "flat"])
        #expect(lesson.network.layerSizes == [2, 8, 3])
        #expect(lesson.inputScaling == nil)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        #expect(lesson.samples.map(\.x) == rows.map { [Double($0[0]) ?? .nan, Double($0[1]) ?? .nan] })
        #expect(
            lesson.samples.map { $0.y.firstIndex(of: 1) }
                == rows.map { ["round", "tall", "flat"].firstIndex(of: String($0[2])) })
    }

    @Test("numeric labels become classes in numeric order")
    func numericLabels() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write("a,label\n1,10\n2,2\n3,1\n4,2\n", "n.csv", in: directory)
        let lesson = try Self.lesson(["import", path, "--label", "label", "--split", "100/0/0"])
        #expect(lesson.classes == ["1", "2", "10"])
        #expect(lesson.samples.map { $0.y.firstIndex(of: 1) } == [2, 1, 0, 1])
    }

    @Test("the split is seeded and stratified, and the recorded scaling maps raw rows to the samples")
    func splitAndScaling() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Self.clustersCSV(count: 20), "c.csv", in: directory)
        let arguments = [
            "import", path, "--label", "kind", "--split", "60/20/20", "--seed", "3", "--scale", "standardize",
        ]
        let lesson = try Self.lesson(arguments)
        #expect(try Self.lesson(arguments) == lesson)
        for set in [lesson.samples, lesson.validationSamples, lesson.testSamples] {
            let perClass = (0..<3).map { k in set.filter { $0.y[k] == 1 }.count }
            #expect(perClass == Array(repeating: perClass[0], count: 3), "\(perClass)")
        }
        #expect(lesson.samples.count == 36 && lesson.validationSamples.count == 12)
        let scaling = try #require(lesson.inputScaling)
        #expect(scaling.method == .standardize && scaling.features == ["width", "height"])
        // Standardised on the training set: mean 0, variance 1 there.
        for i in 0..<2 {
            let column = lesson.samples.map { $0.x[i] }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
            #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-12)
        }
        let other = try Self.lesson(arguments.dropLast(3) + ["4"])
        #expect(other.testSamples != lesson.testSamples)
    }

    /// Accuracy of `lesson`'s network on `samples`, by a forward pass written here (sigmoid
    /// layers, Ng's Θ with the bias column first), not the engine's.
    static func accuracy(_ lesson: Lesson, _ samples: [Lesson.Sample]) -> Double {
        var correct = 0
        for sample in samples {
            var a = sample.x
            for theta in lesson.network.weights {
                a = (0..<theta.rows).map { r in
                    var z = theta[r, 0]
                    for c in 0..<a.count { z += theta[r, c + 1] * a[c] }
                    return 1 / (1 + exp(-z))
                }
            }
            let predicted = a.indices.max { a[$0] < a[$1] } ?? -1
            if sample.y[predicted] == 1 { correct += 1 }
        }
        return Double(correct) / Double(samples.count)
    }

    @Test("round trip: import, train a few epochs, --save; the accuracies train prints match an independent pass")
    func roundTrip() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Self.clustersCSV(), "c.csv", in: directory)
        let lessonPath = directory.appendingPathComponent("lesson.json").path
        let imported = BackpropTutor.execute([
            "import", path, "--label", "kind", "--learning-rate", "2", "-o", lessonPath,
        ])
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasPrefix("wrote \(lessonPath): a 2-8-3 network, classes round, tall, flat; "))
        let saved = directory.appendingPathComponent("trained.json").path
        let trained = BackpropTutor.execute(["train", "--lesson", lessonPath, "--epochs", "30", "--save", saved])
        #expect(trained.exitCode == 0, "\(trained.standardError)")
        let lesson = try Lesson.load(contentsOf: URL(fileURLWithPath: saved), displayName: "trained.json")
        for (name, samples) in [
            ("training", lesson.samples), ("validation", lesson.validationSamples), ("test", lesson.testSamples),
        ] {
            let row = try #require(lines(trained.standardOutput).first { $0.hasPrefix(name + " ") })
            let printed = try #require(row.split(separator: " ").last)
            let expected = String(format: "%.1f%%", 100 * Self.accuracy(lesson, samples))
            #expect(String(printed) == expected, "\(row)")
        }
        // The saved lesson keeps the scaling rule import recorded.
        #expect(lesson.inputScaling?.method == .minMax)
    }

    @Test("several label columns, or --regression, make numeric targets: squared error, linear output")
    func regression() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "x1,x2,t1,t2\n0,1,0.5,-3\n1,0,1.5,2\n1,1,2.5,7\n0,0,-1,0\n"
        let path = try Self.write(text, "r.csv", in: directory)
        let two = try Self.lesson(["import", path, "--label", "t1,t2", "--split", "100/0/0", "--scale", "none"])
        #expect(two.classes == nil && two.network.loss == .squaredError)
        #expect(two.network.activations == [.sigmoid, .linear] && two.network.layerSizes == [2, 8, 2])
        #expect(two.samples.map(\.x) == [[0, 1], [1, 0], [1, 1], [0, 0]])
        #expect(two.samples.map(\.y) == [[0.5, -3], [1.5, 2], [2.5, 7], [-1, 0]])
        let one = try Self.lesson([
            "import", path, "--label", "t2", "--regression", "--features", "x1", "--split", "100/0/0",
        ])
        #expect(one.network.layerSizes == [1, 8, 1] && one.samples.map(\.y) == [[-3], [2], [7], [0]])
        let out = directory.appendingPathComponent("r.json").path
        #expect(
            BackpropTutor.execute(["import", path, "--label", "t1,t2", "--split", "100/0/0", "-o", out]).exitCode == 0)
        let trained = BackpropTutor.execute(["train", "--lesson", out, "--epochs", "3"])
        #expect(trained.exitCode == 0, "\(trained.standardError)")
    }

    // MARK: ex4's files

    @Test(
        "ex4-like files from Octave: import with --weights gives Octave's cost at λ = 0 and λ = 1",
        arguments: [
            "ex4-data.mat", "ex4-data.txt",
        ])
    func ex4Cost(_ dataName: String) throws {
        let data = Self.data.appendingPathComponent(dataName).path
        let weights = Self.data.appendingPathComponent("ex4-weights.mat").path
        for (lambda, expected) in [("0", Self.octaveCost.lambda0), ("1", Self.octaveCost.lambda1)] {
            let lesson = try Self.lesson([
                "import", data, "--weights", weights, "--split", "100/0/0", "--lambda", lambda,
            ])
            #expect(lesson.classes == ["1", "2", "3", "4"])
            #expect(lesson.network.layerSizes == [6, 5, 4])
            let cost = lesson.network.cost(inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda)
            #expect(abs(cost - expected) <= 1e-9 * expected, "\(cost) vs Octave's \(expected)")
        }
    }

    @Test("step 7 of the imported ex4 lesson shows Octave's cost")
    func ex4Step7() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("ex4.json").path
        let data = Self.data.appendingPathComponent("ex4-data.mat").path
        let weights = Self.data.appendingPathComponent("ex4-weights.mat").path
        let imported = BackpropTutor.execute(
            ["import", data, "--weights", weights, "--split", "100/0/0", "--scale", "none", "--lambda", "1", "-o", out])
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        let step = BackpropTutor.execute(["step", "7", "--lesson", out, "--precision", "9"])
        let penalty = Self.octaveCost.lambda1 - Self.octaveCost.lambda0
        // The operands may carry a digit more than --precision so that they add up to the printed
        // result (README, "How numbers are shown"): their first 9 decimals are Octave's.
        #expect(step.standardOutput.contains(String(format: "J = %.9f", Self.octaveCost.lambda0)), "\(step.standardOutput)")
        #expect(step.standardOutput.contains(String(format: "+ %.9f", penalty)), "\(step.standardOutput)")
        #expect(step.standardOutput.contains(String(format: "= %.9f", Self.octaveCost.lambda1)))
    }

    @Test("variables that are not numeric matrices are named on standard error; a missing one is an error")
    func skippedVariables() throws {
        let small = Self.data.appendingPathComponent("small-v7.mat").path
        let output = BackpropTutor.execute(["import", small, "--split", "100/0/0"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(
            output.standardError
                == "backprop-tutor: note: \(small): skipped s (struct), c (cell), t (char), sp (sparse): not numeric matrices\n"
        )
        let missing = BackpropTutor.execute(["import", small, "--label", "s"])
        #expect(missing.exitCode == 1)
        #expect(
            missing.standardError.contains(
                "there is no numeric matrix s for the labels (it is a struct, not a numeric matrix); fix: name it with --label"
            ))
        let wrongWeights = BackpropTutor.execute(["import", small, "--weights", small])
        #expect(wrongWeights.exitCode == 1)
        #expect(wrongWeights.standardError.contains("there is no Theta1"))
    }
}
