import Foundation
import Testing

@testable import BackpropCore

@Suite("JSONParser")
struct JSONParserTests {
    static func syntaxError(_ text: String) -> JSONParser.SyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("parses every kind of value, keeping object order and positions")
    func values() throws {
        let value = try JSONParser.parse(
            """
            {"b": [1, -2.5e3, 0.125], "a": "x\\n\\u00e9\\ud83d\\ude00",
              "t": true, "f": false, "n": null}
            """)
        guard case .object(let members) = value.kind else {
            Issue.record("expected an object, got \(value.kind)")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "t", "f", "n"])
        #expect(
            value["b"]?.withoutPositions.kind
                == .array([JSONValue(.number(1)), JSONValue(.number(-2500)), JSONValue(.number(0.125))]))
        #expect(value["a"]?.kind == .string("x\né😀"))
        #expect(value["t"]?.kind == .bool(true))
        #expect(value["f"]?.kind == .bool(false))
        #expect(value["n"]?.kind == .null)
        #expect(value["t"]?.line == 2)
        #expect(value["t"]?.column == 8)
        #expect(value["missing"] == nil)
    }

    @Test(
        "numbers read back bit for bit",
        arguments: [
            "0.1", "-0", "5e-324", "1.7976931348623157e308", "2.1009505699", "0.08414709848078965", "-1E+2",
        ])
    func numbers(_ text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(value.kind == .number(try #require(Double(text))))
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var fragment: String
        var testDescription: String { text.debugDescription }
    }

    static let badCases = [
        BadCase(text: "{\"a\": 1,\n \"b\" 2}", line: 2, column: 6, fragment: "expected ':'"),
        BadCase(text: "[1, 2\n 3]", line: 2, column: 2, fragment: "comma"),
        BadCase(text: "{\"a\": NaN}", line: 1, column: 7, fragment: "NaN and Infinity"),
        BadCase(text: "[Infinity]", line: 1, column: 2, fragment: "NaN and Infinity"),
        BadCase(text: "[-Infinity]", line: 1, column: 3, fragment: "NaN and Infinity"),
        BadCase(text: "[1e400]", line: 1, column: 2, fragment: "too large"),
        BadCase(text: "[01]", line: 1, column: 3, fragment: "leading zeros"),
        BadCase(text: "[1.]", line: 1, column: 4, fragment: "digits after '.'"),
        BadCase(text: "{\"a\": 'x'}", line: 1, column: 7, fragment: "unexpected character"),
        BadCase(text: "{\"a\": tru}", line: 1, column: 10, fragment: "expected true"),
        BadCase(text: "{\"a\": 1, \"a\": 2}", line: 1, column: 13, fragment: "appears twice"),
        BadCase(text: "\"open", line: 1, column: 6, fragment: "not closed"),
        BadCase(text: "[1] 2", line: 1, column: 5, fragment: "after the end"),
        BadCase(text: "", line: 1, column: 1, fragment: "ends where a value"),
        BadCase(text: "[\"\\x\"]", line: 1, column: 4, fragment: "unknown escape"),
    ]

    @Test("syntax errors name their line and column", arguments: badCases)
    func syntaxErrors(_ bad: BadCase) throws {
        let error = try #require(Self.syntaxError(bad.text))
        #expect(error.line == bad.line, "\(error)")
        #expect(error.column == bad.column, "\(error)")
        #expect(error.message.contains(bad.fragment), "\(error.message)")
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(Self.syntaxError(deep))
        #expect(error.message.contains("nesting"))
        let allowed =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(Self.syntaxError(allowed) == nil)
    }

    @Test("a byte-order mark at the start is skipped")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse("\u{FEFF}[1]").withoutPositions.kind == .array([JSONValue(.number(1))]))
    }
}

@Suite("JSONParser: linear time, honest messages")
struct JSONParserHostileTests {
    /// `{"k0":0,"k1":0,…}` with `count` distinct keys.
    static func manyKeys(_ count: Int) -> String {
        "{" + (0..<count).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
    }

    /// Seconds to parse `text` (and decode it as a lesson, which rejects it).
    static func seconds(_ text: String) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = try? JSONParser.parse(text)
            _ = try? Lesson.decode(text, file: "keys.json")
        }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    @Test("100,000 keys (about 1 MB) parse in well under 10 s, and 10× the keys take roughly 10× the time")
    func manyKeysAreLinear() throws {
        let small = Self.manyKeys(10_000)
        let large = Self.manyKeys(100_000)
        #expect(large.utf8.count > 1_000_000)
        let smallTime = Self.seconds(small)
        let largeTime = Self.seconds(large)
        #expect(largeTime < 10, "100k keys took \(largeTime) s")
        // Quadratic would be 100×; allow a wide margin for noise on a shared machine.
        #expect(largeTime < 30 * max(smallTime, 0.01), "10k: \(smallTime) s, 100k: \(largeTime) s")
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(large.dropLast() + ",\"k5\":1}") }
    }

    @Test(
        "N and I are called NaN/Infinity only when the word is; control characters are named, never raw",
        arguments: [
            ("[Nope]", "unexpected character 'N'"), ("[Inf]", "unexpected character 'I'"),
            ("[NaN]", "NaN and Infinity"),
            ("[\u{1B}]", "unexpected character U+001B"), ("[\u{202E}]", "unexpected character U+202E"),
        ])
    func honestMessages(_ text: String, _ fragment: String) throws {
        let error = try #require(JSONParserTests.syntaxError(text))
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test("CR-only and CR LF line ends count lines as editors do")
    func lineEnds() throws {
        #expect(JSONParserTests.syntaxError("{\r\r\"a\" 1}")?.line == 3)
        #expect(JSONParserTests.syntaxError("{\r\n\r\n\"a\" 1}")?.line == 3)
    }

    @Test("every number parses to exactly what Double(String) gives: the fast path and strtod agree")
    func numbersRoundCorrectly() throws {
        var generator = SplitMix64(seed: 2026)
        var texts = [
            "0", "-0", "0.1", "0.30000000000000004", "123456789012345", "1234567890123456", "9007199254740993",
            "1e22", "1e23", "1e-22", "1e-23", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308",
            "0.000123456789012345", "0.50000000000000000000001", "1E+5", "3.14159e-10", "-8.5e21",
            "0.52313", "100000000000000000000000", "1e-400",
        ]
        for _ in 0..<5_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            texts.append("\(value)")
            let short = Double(generator.next() % 10_000_000) / 10_000_000
            texts.append("\(short)")
            texts.append(String(format: "%.5f", short))
            texts.append("\(generator.next() % 1_000_000)e-\(generator.next() % 30)")
        }
        for text in texts {
            let expected = try #require(Double(text), "\(text)")
            guard case .number(let parsed) = try JSONParser.parse(text).kind else {
                Issue.record("\(text) did not parse as a number")
                continue
            }
            #expect(parsed.bitPattern == expected.bitPattern, "\(text): \(parsed) vs \(expected)")
        }
    }

    @Test("columns count Unicode scalars, not UTF-8 bytes")
    func columnsCountScalars() throws {
        let error = try #require(JSONParserTests.syntaxError("{\"é€😀\": x}"))
        #expect(error.line == 1 && error.column == 9, "\(error)")  // 15 if bytes were counted
    }
}
