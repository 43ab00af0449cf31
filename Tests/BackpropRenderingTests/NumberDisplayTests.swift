import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// Numbers a learner can check by hand (issue 20): every printed number carries at least 3
/// significant digits unless it is exactly 0 or printed exactly as given; no number that is not
/// whole prints as a whole number; every substituted line, redone with the numbers *as printed*,
/// gives the result as printed; a matrix or a table column is printed in one style; sentences
/// that compare two numbers show digits that differ.
///
/// Walks every step × notation of the built-in lessons, the review lessons and the lessons of
/// `NumberLessons/` (the four round-3 review lessons and the two probe lessons of the round-3
/// truth review: `saturate` and `near-kink`). Numbers are read as the renderers print them:
/// `NumberFormat.displayed(_:)` then `string(_:style:)` for each number.
@Suite("Numbers a learner can check by hand")
struct NumberDisplayTests {
    /// `NumberLessons/`, beside this file.
    static let lessonDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("NumberLessons")

    /// The lessons of `NumberLessons/`.
    static let numberLessonNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: lessonDirectory.path)) ?? []
        let names = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
        precondition(!names.isEmpty, "\(lessonDirectory.path) holds no lesson")
        return names
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        enum Source: Sendable { case builtIn, review, numbers }
        var source: Source
        var name: String
        var testDescription: String { name }

        func lesson() throws -> Lesson {
            switch source {
            case .builtIn: return try LessonFixtures.lesson(name)
            case .review: return try LessonFixtures.reviewLesson(name)
            case .numbers:
                return try Lesson.load(
                    contentsOf: NumberDisplayTests.lessonDirectory.appendingPathComponent(name + ".json"),
                    displayName: name + ".json")
            }
        }
    }

    static let cases: [Case] =
        LessonFixtures.names.map { Case(source: .builtIn, name: $0) }
        + LessonFixtures.reviewNames.map { Case(source: .review, name: $0) }
        + numberLessonNames.map { Case(source: .numbers, name: $0) }

    /// One printed number: its value, the style it printed in and the text.
    struct Printed {
        var value: Double
        var style: NumberStyle
        var text: String
    }

    // MARK: Reading what is printed

    /// The numbers of `math` in printing order (a matrix's cells row by row).
    static func numbers(in math: Math, _ format: NumberFormat) -> [Printed] {
        if case .number(let value, let style) = math {
            return [Printed(value: value, style: style, text: format.string(value, style: style))]
        }
        return math.children.flatMap { numbers(in: $0, format) }
    }

    /// Every math of a block: an equation's sides, inline math, table cells.
    static func maths(in block: Block) -> [Math] {
        func inline(_ items: [Inline]) -> [Math] {
            items.compactMap { if case .math(let m) = $0 { return m } else { return nil } }
        }
        switch block {
        case .heading, .figure, .image: return []
        case .paragraph(let items), .why(let items), .convention(let items): return inline(items)
        case .bullets(let items): return items.flatMap(inline)
        case .equation(let equation): return [equation.lhs] + equation.steps.map(\.expression)
        case .table(let table): return (table.header + table.rows.flatMap { $0 }).flatMap(inline)
        }
    }

    /// Every matrix inside `math`.
    static func matrices(in math: Math) -> [[[Math]]] {
        var found: [[[Math]]] = []
        if case .matrix(let rows) = math { found.append(rows) }
        return found + math.children.flatMap(matrices)
    }

    /// The significant digits of a printed number: the mantissa's digits in scientific form,
    /// else every digit from the first non-zero one (trailing zeros count: they were printed).
    static func significantDigits(_ text: String) -> Int {
        let mantissa = text.split(separator: "e").first.map(String.init) ?? text
        let digits = mantissa.filter(\.isNumber)
        return digits.drop { $0 == "0" }.count
    }

    /// How a printed number is shaped: scientific with n mantissa digits, or fixed with n decimals.
    static func shape(_ text: String) -> String {
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            return "scientific \(text[..<e].filter(\.isNumber).count)"
        }
        guard let point = text.firstIndex(of: ".") else { return "fixed 0" }
        return "fixed \(text[text.index(after: point)...].filter(\.isNumber).count)"
    }

    /// The value a learner reads from a printed number (ASCII or Unicode minus).
    static func reading(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: "−", with: "-"))
    }

    /// Whether `printed` shows its value exactly (a given input, a count, ε as given).
    static func isExact(_ printed: Printed) -> Bool {
        reading(printed.text) == printed.value
    }

    /// `math` with every number replaced by the value its printed text reads as.
    static func asPrinted(_ math: Math, _ format: NumberFormat) -> Math {
        func map(_ m: Math) -> Math {
            switch m {
            case .number(let value, let style):
                return .number(reading(format.string(value, style: style)) ?? .nan)
            case .matrix(let rows): return .matrix(rows.map { $0.map(map) })
            case .add(let terms): return .add(terms.map(map))
            case .subtract(let a, let b): return .subtract(map(a), map(b))
            case .negate(let a): return .negate(map(a))
            case .multiply(let a, let b, let sign): return .multiply(map(a), map(b), sign: sign)
            case .divide(let a, let b): return .divide(map(a), map(b))
            case .hadamard(let a, let b): return .hadamard(map(a), map(b))
            case .outer(let a, let b): return .outer(map(a), map(b))
            case .transpose(let a): return .transpose(map(a))
            case .stackBias(let position, let a): return .stackBias(position, map(a))
            case .call(let function, let arguments): return .call(function, arguments.map(map))
            case .parenthesized(let a): return .parenthesized(map(a))
            default: return m
            }
        }
        return map(math)
    }

    /// The displayed sections of a lesson in a notation at `decimals`.
    static func sections(_ lesson: Lesson, _ notation: NotationName, decimals: Int = 4) -> [Section] {
        let narrator = Narrator(trace: Tracer.trace(lesson), notation: notation, decimals: decimals)
        let format = NumberFormat(decimals: decimals)
        return Step.allCases.map { format.displayed(narrator.section($0)) }
    }

    // MARK: The rules, walked over every lesson

    @Test("every printed number has 3 significant digits, unless 0 or exact; none is falsely whole", arguments: cases)
    func significantDigitsEverywhere(_ item: Case) throws {
        let lesson = try item.lesson()
        let format = NumberFormat(decimals: 4)
        var offenders: [String] = []
        for notation in NotationName.allCases {
            for section in Self.sections(lesson, notation) {
                for block in section.blocks {
                    for math in Self.maths(in: block) {
                        for number in Self.numbers(in: math, format) where number.value.isFinite {
                            let label = "step \(section.number) \(notation): \(number.value) printed \(number.text)"
                            if number.value == 0 || Self.isExact(number) { continue }
                            if Self.significantDigits(number.text) < 3 { offenders.append(label) }
                            if let read = Self.reading(number.text), read == read.rounded(),
                                number.value != number.value.rounded()
                            {
                                offenders.append(label + " (not whole)")
                            }
                        }
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.count): \(offenders.prefix(12).joined(separator: "\n"))")
    }

    @Test(
        "every substituted line, redone with the printed numbers, gives the printed result, or the result is written ≈ (from unrounded values)",
        arguments: cases)
    func substitutedLinesByHand(_ item: Case) throws {
        let lesson = try item.lesson()
        let format = NumberFormat(decimals: 4)
        let evaluator = MathEvaluator()
        var offenders: [String] = []
        var checked = 0
        var unrounded = 0
        for notation in NotationName.allCases {
            for section in Self.sections(lesson, notation) {
                for block in section.blocks {
                    guard case .equation(let equation) = block, equation.roles.last == .result,
                        let result = equation.steps.last?.expression,
                        !EquationTruthTests.isAbbreviated(result)
                    else { continue }
                    if equation.steps.last?.relation == .approximately {
                        unrounded += 1
                        continue
                    }
                    let resultNumbers = Self.numbers(in: result, format)
                    guard let printedResult = try? evaluator.value(of: Self.asPrinted(result, format)) else { continue }
                    for (index, role) in equation.roles.enumerated() where role == .substituted {
                        let line = equation.steps[index].expression
                        if EquationTruthTests.isAbbreviated(line) { continue }
                        guard let byHand = try? evaluator.value(of: Self.asPrinted(line, format)),
                            byHand.entries.count == printedResult.entries.count,
                            resultNumbers.count == printedResult.entries.count
                        else { continue }
                        checked += 1
                        for (entry, (hand, shown)) in zip(resultNumbers, zip(byHand.entries, printedResult.entries)) {
                            let redone = format.string(hand, style: entry.style)
                            let printed = format.string(shown, style: entry.style)
                            if redone != printed {
                                offenders.append(
                                    "step \(section.number) \(notation) line \(index + 1): by hand \(redone), printed \(printed)"
                                )
                                break
                            }
                        }
                    }
                }
            }
        }
        print("by hand, \(item.name): \(checked) substituted lines agree, \(unrounded) results written ≈")
        #expect(checked > 0)
        #expect(unrounded * 3 <= checked + unrounded, "more than a third of the results written ≈: \(unrounded) of \(checked + unrounded)")
        #expect(offenders.isEmpty, "\(offenders.count): \(offenders.prefix(12).joined(separator: "\n"))")
    }

    @Test("every matrix and every table column prints in one style", arguments: cases)
    func oneStylePerUnit(_ item: Case) throws {
        let lesson = try item.lesson()
        let format = NumberFormat(decimals: 4)
        var offenders: [String] = []
        for notation in NotationName.allCases {
            for section in Self.sections(lesson, notation) {
                for block in section.blocks {
                    for math in Self.maths(in: block) {
                        for rows in Self.matrices(in: math) {
                            let texts = rows.flatMap { $0 }.flatMap { cell -> [String] in
                                if case .number(let value, let style) = cell {
                                    return [format.string(value, style: style)]
                                }
                                return []
                            }
                            let shapes = Set(texts.map(Self.shape))
                            if shapes.count > 1 {
                                offenders.append("step \(section.number) \(notation): \(texts.prefix(8))")
                            }
                        }
                    }
                    guard case .table(let table) = block else { continue }
                    let columnCount = table.rows.map(\.count).max() ?? 0
                    for column in 0..<columnCount {
                        let texts = table.rows.compactMap { row -> String? in
                            guard column < row.count, row[column].count == 1,
                                case .math(.number(let value, let style)) = row[column][0]
                            else { return nil }
                            return format.string(value, style: style)
                        }
                        if Set(texts.map(Self.shape)).count > 1 {
                            offenders.append("step \(section.number) \(notation) table column \(column): \(texts.prefix(8))")
                        }
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.count): \(offenders.prefix(12).joined(separator: "\n"))")
    }

    // MARK: The review's examples

    @Test("Mazur's ∂E/∂w₁ = 0.000438568 shows three digits at the default precision (M4)")
    func mazurHiddenGradient() throws {
        let format = NumberFormat(decimals: 4)
        let lesson = try LessonFixtures.lesson("mazur")
        let section = Self.sections(lesson, .mazur)[Step.hiddenError.number - 1]
        let texts = section.blocks.flatMap(Self.maths).flatMap { Self.numbers(in: $0, format) }
            .filter { abs($0.value - 0.000438568) < 1e-9 }.map(\.text)
        #expect(!texts.isEmpty)
        #expect(texts.allSatisfy { $0 == "0.000439" }, "\(texts)")
    }

    @Test("step 15: predicted and actual change print differently when they differ (M5)", arguments: cases)
    func predictedAgainstActual(_ item: Case) throws {
        let lesson = try item.lesson()
        let format = NumberFormat(decimals: 4)
        for notation in [NotationName.ng, .tulleken] {
            let section = Self.sections(lesson, notation)[Step.gradientDescent.number - 1]
            var results: [String: Printed] = [:]
            for block in section.blocks {
                guard case .equation(let equation) = block, case .text(let name) = equation.lhs,
                    name.hasSuffix("change"), let last = equation.steps.last?.expression,
                    let number = Self.numbers(in: last, format).last
                else { continue }
                results[name] = number
            }
            guard let predicted = results["predicted change"], let actual = results["actual change"] else { continue }
            if predicted.value != actual.value {
                #expect(predicted.text != actual.text, "\(notation): \(predicted.text) and \(actual.text)")
            }
        }
    }

    @Test("step 14: a relative difference quoted against Ng's bar does not print as the bar (M5)")
    func differenceAgainstBar() throws {
        let format = NumberFormat(decimals: 4)
        let lesson = try Case(source: .numbers, name: "h3-deep-tanh-sigmoid-ce").lesson()
        for notation in NotationName.allCases {
            let section = Self.sections(lesson, notation)[Step.gradientCheck.number - 1]
            var quoted: [Printed] = []
            for block in section.blocks {
                guard case .paragraph = block else { continue }
                quoted += Self.maths(in: block).flatMap { Self.numbers(in: $0, format) }
            }
            #expect(!quoted.isEmpty)
            for number in quoted where number.value != GradientCheck.ngBar {
                #expect(Self.reading(number.text) != GradientCheck.ngBar, "\(notation): \(number.text)")
            }
        }
    }

    @Test("a saturated unit's output next to 1 does not print as 1 (M2)")
    func nextToOne() throws {
        let format = NumberFormat(decimals: 4)
        #expect(format.string(0.99999774) != "1.0000")
        #expect(Self.reading(format.string(0.99999774)) != 1)
        #expect(Self.reading(format.string(1.0000004)) != 1)
        #expect(format.string(1) == "1.0000")
    }

    @Test("--precision 0 follows the one rule: 0.65, 0.2 and 0.05 print alike (C11)")
    func precisionZero() {
        let format = NumberFormat(decimals: 0)
        let texts = [0.65, 0.2, 0.05].map { format.string($0) }
        #expect(Set(texts.map(Self.shape)).count == 1 || texts.allSatisfy { !$0.contains("e") }, "\(texts)")
        #expect(texts.allSatisfy { !$0.contains("e") }, "\(texts)")
        #expect(format.string(0.65) != "1", "\(texts)")
    }

    @Test("a learner who asks for fewer digits gets them; below that the rule is the same")
    func fewerDigitsWhenAsked() {
        #expect(NumberFormat(decimals: 2).string(0.1234) == "0.12")
        #expect(NumberFormat(decimals: 2).string(0.00438568) == "0.0044")
        #expect(NumberFormat(decimals: 2).string(0.000438568) == "4.4e-04")
        #expect(NumberFormat(decimals: 9).string(0.000438568) == "0.000438568")
        #expect(NumberFormat(decimals: 4).string(0.0004) == "0.000400")
        #expect(NumberFormat(decimals: 4).string(-3.05e-06) == "-3.05e-06")
        #expect(NumberFormat(decimals: 4).string(-0.0) == "0.0000")
    }

    @Test("the notation line states the rule it uses (K11)")
    func roundingNoteStatesTheRule() throws {
        let narrator = Narrator(trace: try LessonFixtures.trace("mazur"), notation: .mazur, decimals: 4)
        guard case .convention(let items) = narrator.conventionBlock else {
            Issue.record("no convention block")
            return
        }
        let words = items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
        #expect(words.contains(NumberFormat(decimals: 4).ruleSentence), "\(words)")
    }
}
