import Foundation
import Testing

@testable import BackpropCore

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("numbers: shortest round-trip text, integers without a point, −0 as 0, non-finite as null")
    func numbers() {
        #expect(JSONWriter.number(0.1) == "0.1")
        #expect(JSONWriter.number(3) == "3")
        #expect(JSONWriter.number(-0.0) == "0")
        #expect(JSONWriter.number(.nan) == "null")
        #expect(JSONWriter.number(.infinity) == "null")
        #expect(JSONWriter.number(-2.5) == "-2.5")
    }

    static let roundTripValues: [Double] = [
        0.1, 1.0 / 3, -2.1009505699, 5e-324, 1.7976931348623157e308, 1e15, 1e16, -123_456_789_012_345,
        0.08414709848078965,
        1e-7, 2.2250738585072014e-308,
    ]

    @Test("numbers read back bit for bit through Foundation and our parser", arguments: roundTripValues)
    func roundTrip(_ value: Double) throws {
        let text = JSONWriter.number(value)
        #expect(Double(text) == value, "\(text)")
        #expect(try JSONParser.parse(text).kind == .number(value), "\(text)")
        let decoded = try JSONDecoder().decode([Double].self, from: Data("[\(text)]".utf8))
        #expect(decoded == [value], "\(text)")
    }

    @Test("strings: quotes, backslashes and control characters are escaped")
    func strings() throws {
        let text = "a\"b\\c\nd\te\u{01}Θ⁽¹⁾"
        let literal = JSONWriter.string(text)
        #expect(literal == "\"a\\\"b\\\\c\\nd\\te\\u0001Θ⁽¹⁾\"")
        #expect(try JSONParser.parse(literal).kind == .string(text))
        let foundation = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(foundation == [text])
    }

    @Test("F10: DEL, C1 controls (CSI U+009B, NEL), U+2028/2029 and bidi controls are written as \\u escapes")
    func terminalControls() throws {
        let scalars = (0...0x3000).compactMap(Unicode.Scalar.init).filter(ControlCharacters.isEscaped)
        #expect(scalars.count > 70)
        let text = "T" + String(String.UnicodeScalarView(scalars)) + "é"
        let literal = JSONWriter.string(text)
        let raw = literal.unicodeScalars.filter { ControlCharacters.isEscaped($0) }
        #expect(raw.isEmpty, "written raw: \(raw.map { String($0.value, radix: 16) })")
        #expect(literal.contains("\\u009b") && literal.contains("\\u2028") && literal.contains("\\u202e"))
        #expect(literal.contains("\\u007f") && literal.hasSuffix("é\""))
        #expect(try JSONParser.parse(literal).kind == .string(text))
        let foundation = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(foundation == [text])
    }

    @Test("documents: key order kept, scalar lists on one line, nested lists one item per line")
    func layout() {
        let value: JSONValue.Kind = .object([
            (key: "z", value: JSONValue(.array([JSONValue(.number(1)), JSONValue(.number(2))]))),
            (
                key: "a",
                value: JSONValue(
                    .array([
                        JSONValue(.array([JSONValue(.number(0.5))])), JSONValue(.array([])),
                    ]))
            ),
            (key: "e", value: JSONValue(.object([]))),
            (key: "b", value: JSONValue(.bool(true))),
        ])
        let expected = """
            {
              "z": [1, 2],
              "a": [
                [0.5],
                []
              ],
              "e": {},
              "b": true
            }

            """
        #expect(JSONWriter.text(value) == expected)
    }

    @Test("written documents parse back to the same value")
    func parseBack() throws {
        let value: JSONValue.Kind = .object([
            (key: "format", value: JSONValue(.string("x"))),
            (key: "m", value: JSONValue(.array([JSONValue(.array([JSONValue(.number(-0.1)), JSONValue(.null)]))]))),
        ])
        let reparsed = try JSONParser.parse(JSONWriter.text(value))
        #expect(reparsed.withoutPositions.kind == value)
    }
}
