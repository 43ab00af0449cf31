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
        BadCase(text: "[1e400]", line: 1, column: 7, fragment: "too large"),
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
