import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropCore

/// The `backprop-tutor/trace@1` JSON contract. Keys and shapes are read back with Foundation's
/// JSONSerialization, independently of the project's own parser; exact values are compared
/// through JSONDecoder and JSONParser, because JSONSerialization on Linux may round the last
/// digit of a double (0.08414709848078965 reads back as 0.08414709848078968).
@Suite("Trace JSON")
struct TraceJSONTests {
    static func object(_ trace: Trace) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(trace.jsonText.utf8))
        return try #require(parsed as? [String: Any])
    }

    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    /// Whether two lists agree to a relative 1e-15 (JSONSerialization's reading precision).
    static func close(_ u: [Double]?, _ v: [Double]) -> Bool {
        guard let u, u.count == v.count else { return false }
        return zip(u, v).allSatisfy { isClose($0, $1, relative: 1e-15) }
    }

    /// A list of numbers.
    static func vector(_ value: Any?) -> [Double]? {
        guard let items = value as? [Any] else { return nil }
        let numbers = items.compactMap(number)
        return numbers.count == items.count ? numbers : nil
    }

    /// A matrix as a list of equally long rows: (rows, columns).
    static func shape(_ value: Any?) -> (Int, Int)? {
        guard let rows = value as? [Any] else { return nil }
        let vectors = rows.compactMap(vector)
        guard vectors.count == rows.count, let columns = vectors.first?.count,
            vectors.allSatisfy({ $0.count == columns })
        else { return nil }
        return (rows.count, columns)
    }

    /// The shapes of a list of matrices.
    static func shapes(_ value: Any?) -> [[Int]]? {
        guard let list = value as? [Any] else { return nil }
        let result = list.compactMap(shape).map { [$0.0, $0.1] }
        return result.count == list.count ? result : nil
    }

    @Test("required keys with the right shapes", arguments: LessonFixtures.names)
    func contract(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        let trace = Tracer.trace(lesson)
        let json = try Self.object(trace)
        let layers = lesson.network.layerSizes
        let weightShapes = zip(layers.dropFirst(), layers).map { [$0, $1 + 1] }
        let m = lesson.samples.count

        #expect(json["format"] as? String == "backprop-tutor/trace@1")
        let lessonInfo = try #require(json["lesson"] as? [String: Any])
        #expect(lessonInfo["title"] as? String == lesson.title)
        #expect(Self.vector(lessonInfo["layers"]) == layers.map(Double.init))
        #expect(Self.number(json["m"]) == Double(m))
        #expect(Self.shapes(json["weights"]) == weightShapes)

        let samples = try #require(json["samples"] as? [[String: Any]])
        #expect(samples.count == m)
        for (k, sample) in samples.enumerated() {
            #expect(Self.close(Self.vector(sample["x"]), lesson.samples[k].x))
            #expect(Self.close(Self.vector(sample["y"]), lesson.samples[k].y))
            let a = try #require(sample["a"] as? [Any])
            #expect(a.compactMap(Self.vector).map(\.count) == layers, "a⁽¹⁾…a⁽ᴸ⁾")
            let z = try #require(sample["z"] as? [Any])
            #expect(z.compactMap(Self.vector).map(\.count) == Array(layers.dropFirst()), "z⁽²⁾…z⁽ᴸ⁾")
            let delta = try #require(sample["delta"] as? [Any])
            #expect(delta.compactMap(Self.vector).map(\.count) == Array(layers.dropFirst()), "δ⁽²⁾…δ⁽ᴸ⁾")
            #expect(Self.shapes(sample["gradient"]) == weightShapes)
            #expect(Self.close(Self.vector(a.first), lesson.samples[k].x), "a[0] = x")
        }

        #expect(Self.close(Self.number(json["cost"]).map { [$0] }, [trace.cost]))
        #expect(Self.shapes(json["Delta"]) == weightShapes)
        #expect(Self.shapes(json["D"]) == weightShapes)
        #expect(Self.shapes(json["numericalGradient"]) == weightShapes)
        let check = try #require(json["gradientCheck"] as? [String: Any])
        #expect(Self.number(check["epsilon"]) == 1e-4)
        let relative = try #require(Self.number(check["relativeDifference"]))
        #expect(relative >= 0 && relative < 1e-7)
        #expect(Self.shapes(json["updatedWeights"]) == weightShapes)
        #expect(Self.close(Self.number(json["costAfterUpdate"]).map { [$0] }, [trace.costAfterUpdate]))
        let training = try #require(json["training"] as? [String: Any])
        #expect(Self.vector(training["costs"])?.count == lesson.epochs + 1)
    }

    @Test("the JSON's numbers are the trace's, bit for bit (read with JSONParser)")
    func fullPrecisionNumbers() throws {
        let trace = Tracer.trace(try LessonFixtures.lesson("ng-gradcheck"))
        let root = try JSONParser.parse(trace.jsonText)
        func numbers(_ value: JSONValue?) -> [Double] {
            guard case .array(let items)? = value?.kind else { return [] }
            return items.compactMap { item in
                if case .number(let n) = item.kind { return n }
                return nil
            }
        }
        guard case .array(let samples)? = root["samples"]?.kind, case .array(let a)? = samples[2]["a"]?.kind,
            case .array(let d)? = root["D"]?.kind, case .array(let rows) = d[1].kind
        else {
            Issue.record("the trace JSON lacks samples[2].a or D[1]")
            return
        }
        #expect(numbers(a[0]) == trace.samples[2].x)
        #expect(numbers(a[1]) == trace.samples[2].a[1])
        #expect(numbers(rows[2]) == trace.D[1].row(2))
        guard case .number(let cost)? = root["cost"]?.kind else {
            Issue.record("no cost")
            return
        }
        #expect(cost == trace.cost)
    }

    @Test("JSONDecoder reads jsonText back into an equal Trace", arguments: LessonFixtures.names)
    func roundTrip(_ name: String) throws {
        let trace = Tracer.trace(try LessonFixtures.lesson(name))
        let decoded = try JSONDecoder().decode(Trace.self, from: Data(trace.jsonText.utf8))
        #expect(decoded == trace)
    }

    @Test("round trip with generated weights and a checked subset (uniform init, 2163 parameters)")
    func roundTripWithSubset() throws {
        let x = (0..<50).map { String(Double($0) / 50) }.joined(separator: ", ")
        let lesson = try Lesson.decode(
            """
            {"title": "wide \\"net\\"", "summary": "Θ⁽¹⁾ and tabs\\t", "classes": ["a", "b", "c"],
             "layers": [50, 40, 3], "activation": ["tanh", "softmax"],
             "init": {"method": "uniform", "epsilon": 0.12, "seed": 11},
             "samples": [{"x": [\(x)], "y": [0, 0, 1]}], "epochs": 2}
            """, file: "wide.json")
        let trace = Tracer.trace(lesson)
        #expect(trace.gradientCheck?.checkedEntries?.count == GradientCheck.subsetSize)
        let decoded = try JSONDecoder().decode(Trace.self, from: Data(trace.jsonText.utf8))
        #expect(decoded == trace)
        let json = try Self.object(trace)
        let check = try #require(json["gradientCheck"] as? [String: Any])
        #expect((check["checkedEntries"] as? [Any])?.count == GradientCheck.subsetSize)
        let info = try #require(json["lesson"] as? [String: Any])
        #expect(info["title"] as? String == "wide \"net\"")
        #expect(Self.number(info["initSeed"]) == 11)
    }

    @Test("recording 1 sample keeps m = 5 and the cost")
    func recordedSamples() throws {
        let lesson = try LessonFixtures.lesson("ng-gradcheck")
        let full = Tracer.trace(lesson)
        let one = Tracer.trace(lesson, options: TraceOptions(samples: .first(1)))
        #expect(one.samples.count == 1)
        #expect(one.m == 5)
        #expect(one.cost == full.cost)
        #expect(one.D == full.D)
        #expect(one.samples[0] == full.samples[0])
        let json = try Self.object(one)
        #expect((json["samples"] as? [Any])?.count == 1)
        #expect(Self.number(json["m"]) == 5)
    }

    @Test("parts not computed are left out of the JSON, and it still reads back")
    func lazyTraceJSON() throws {
        let lesson = try LessonFixtures.lesson("ng-gradcheck")
        let lazy = Tracer.trace(
            lesson, options: TraceOptions(samples: .first(2), includesGradientCheck: false, includesTraining: false))
        let json = try Self.object(lazy)
        #expect(json["numericalGradient"] == nil)
        #expect(json["gradientCheck"] == nil)
        #expect(json["training"] == nil)
        #expect(json["D"] != nil && json["costAfterUpdate"] != nil)
        let decoded = try JSONDecoder().decode(Trace.self, from: Data(lazy.jsonText.utf8))
        #expect(decoded == lazy)
        #expect(decoded.numericalGradient == nil && decoded.gradientCheck == nil && decoded.training == nil)
    }

    @Test("records of chosen samples carry their index in the JSON; a prefix does not")
    func sampleIndexInJSON() throws {
        let lesson = try LessonFixtures.lesson("ng-gradcheck")
        let chosen = Tracer.trace(lesson, options: TraceOptions(samples: .indices([3, 1])))
        let samples = try #require(try Self.object(chosen)["samples"] as? [[String: Any]])
        #expect(samples.compactMap { Self.number($0["index"]) } == [1, 3])
        let decoded = try JSONDecoder().decode(Trace.self, from: Data(chosen.jsonText.utf8))
        #expect(decoded == chosen)
        #expect(decoded.sample(at: 3) == chosen.sample(at: 3))

        let prefix = Tracer.trace(lesson, options: TraceOptions(samples: .first(2)))
        let prefixSamples = try #require(try Self.object(prefix)["samples"] as? [[String: Any]])
        #expect(prefixSamples.allSatisfy { $0["index"] == nil })
        let decodedPrefix = try JSONDecoder().decode(Trace.self, from: Data(prefix.jsonText.utf8))
        #expect(decodedPrefix.samples.map(\.index) == [0, 1])
    }

    @Test(
        "the streamed JSON is JSONWriter's own layout of the document, byte for byte", arguments: LessonFixtures.names)
    func streamedTextIsCanonical(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        let traces = [
            Tracer.trace(lesson),
            Tracer.trace(lesson, options: TraceOptions(samples: .indices([lesson.samples.count - 1]))),
            Tracer.trace(lesson, options: TraceOptions(samples: .first(0), includesTraining: false)),
        ]
        for trace in traces {
            let text = trace.jsonText
            #expect(JSONWriter.text(try JSONParser.parse(text).kind) == text)
            var pieces: [String] = []
            trace.writeJSON { pieces.append($0) }
            #expect(pieces.joined() == text)
            // Each sample record is a piece of its own: the records are streamed one by one.
            let recordPieces = pieces.filter { $0.contains("\"x\": ") }
            #expect(recordPieces.count == trace.samples.count, "one piece per record")
            #expect(recordPieces.allSatisfy { $0.components(separatedBy: "\"x\": ").count == 2 })
        }
    }

    @Test("a layer with no hidden units' lists: empty propagatedError prints as []")
    func emptyLists() throws {
        let trace = Tracer.trace(try LessonFixtures.lesson("mazur"))
        let noHidden = try Lesson.decode(
            """
            {"title": "single", "layers": [2, 1], "activation": "sigmoid",
             "weights": [[[0.1, 0.2, 0.3]]], "samples": [{"x": [1, 0], "y": [1]}]}
            """, file: "single.json")
        for trace in [trace, Tracer.trace(noHidden)] {
            #expect(JSONWriter.text(try JSONParser.parse(trace.jsonText).kind) == trace.jsonText)
        }
        #expect(Tracer.trace(noHidden).jsonText.contains("\"propagatedError\": [],"))
    }
}
