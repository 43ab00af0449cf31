import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// `trace` writes each sample's record as it is made and drops it (issue 25, F2): the bytes
/// are those of the whole trace, and the memory does not grow with samples × weights.
@Suite("trace: streamed sample records")
struct TraceStreamingTests {
    @Test("the streamed JSON and text are the bytes of the whole trace", arguments: ["mazur", "ng-lecture", "xor"])
    func sameBytes(_ name: String) throws {
        let lesson = try LessonLibrary.load(name)
        for options in [TraceOptions.everything, TraceOptions(samples: .first(2)), TraceOptions(samples: .indices([1, 3]))]
        {
            let whole = Tracer.trace(lesson, options: options)
            let streaming = Tracer.streamingTrace(lesson, options: options)
            var json = ""
            streaming.writeJSON { json += $0 }
            #expect(json == whole.jsonText, "\(name) \(options)")
            var text = ""
            TraceTextRenderer.render(streaming.frame, records: streaming.records) { text += $0 }
            #expect(text == TraceTextRenderer.render(whole), "\(name) \(options)")
            #expect(streaming.frame.sensitivityProbes == whole.sensitivityProbes)
        }
    }

    /// 2-1024-40-1 (44,161 weights): every record holds 0.7 MB of gradient and one-step weights.
    static func wideLesson(samples: Int) -> String {
        let rows = (0..<samples).map { k in "{\"x\": [\(k % 2), \((k / 2) % 2)], \"y\": [\(k % 3 == 0 ? 1 : 0)]}" }
        return """
            {"title": "wide", "layers": [2, 1024, 40, 1], "activation": "sigmoid", "loss": "cross-entropy",
             "init": {"method": "uniform", "epsilon": 0.12, "seed": 3}, "epochs": 1,
             "samples": [\(rows.joined(separator: ", "))]}
            """
    }

    /// The peak resident memory (kB) of the binary tracing `lesson` to /dev/null, read by
    /// /usr/bin/time.
    static func peakMemory(_ arguments: [String]) throws -> Int {
        let binary = try #require(BinaryTests.binary, "build the binary first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", binary.path] + arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(Int(last), "no peak memory in \(text)")
    }

    @Test(
        "F2: 16 recorded samples of a 44k-weight network need the memory of 1 (records are not kept)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func memoryDoesNotGrowWithSamples() throws {
        let file = try TemporaryFile(contents: Self.wideLesson(samples: 16))
        defer { file.remove() }
        let one = try Self.peakMemory(["trace", "--format", "json", "--lesson", file.path, "--samples", "1"])
        let sixteen = try Self.peakMemory(["trace", "--format", "json", "--lesson", file.path])
        // Keeping the records would add 16 × 0.7 MB = 11 MB (measured before the fix: 1 sample
        // 48 MB, 10 samples 55 MB, 40 samples 77 MB); streaming adds next to nothing.
        #expect(sixteen - one < 5_000, "peak \(one) kB for 1 sample, \(sixteen) kB for 16")
    }
}
