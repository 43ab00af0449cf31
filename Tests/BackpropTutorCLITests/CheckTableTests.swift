import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Testing

@testable import BackpropTutorCLI

/// `check` and `trace --format text` as a learner reads them (learner review D20): no line
/// wider than 80 columns, and the check's rows named and ordered in the notation chosen.
@Suite("check table in every notation")
struct CheckTableTests {
    private func rows(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.contains(" → ") && !$0.hasPrefix("parameter") }
    }

    /// A built-in lesson traced as `trace` traces it: every sample, the gradient check and the
    /// training run.
    private static func trace(_ name: String) throws -> Trace {
        try LessonLoading.trace(LessonLibrary.load(name), options: TraceOptions(samples: .all))
    }

    /// `check --notation`'s output for each notation, from one trace: the check does not depend
    /// on the notation, only the table's names and order do.
    private static func checkTables(_ trace: Trace) -> [String] {
        NotationRegistry.all.map { type in
            let notation = type.init(layerSizes: trace.lesson.layers)
            return CheckCommand.report(trace, notation: notation, bar: GradientCheck.passingBar).table
        }
    }

    @Test("no line of check or trace --format text is wider than 80 columns, for every built-in lesson")
    func width() throws {
        // Each lesson traced once (digits' check of 1,885 parameters took minutes per notation).
        for name in LessonLibrary.builtInNames {
            let trace = try Self.trace(name)
            let outputs = [TraceCommand.text(trace)] + Self.checkTables(trace)
            for line in outputs.joined().split(separator: "\n") {
                #expect(line.count <= 80, "\(name): \(line)")
            }
        }
    }

    @Test(
        "the width test reads what check and trace --format text print, in every notation",
        arguments: ["xor", "mazur"])
    func sameOutput(name: String) throws {
        let trace = try Self.trace(name)
        let text = BackpropTutor.execute(["trace", "--lesson", name, "--format", "text"]).standardOutput
        #expect(text == TraceCommand.text(trace))
        for (type, table) in zip(NotationRegistry.all, Self.checkTables(trace)) {
            let output = BackpropTutor.execute(["check", "--lesson", name, "--notation", type.name.rawValue])
            #expect(output.standardOutput == table, "\(name) \(type.name.rawValue)")
        }
    }

    @Test("Ng's rows follow ex4's unrolled order: Θ⁽¹⁾ column by column, bias column first")
    func ngOrder() throws {
        let output = BackpropTutor.execute(["check", "--lesson", "ng-lecture", "--notation", "ng"]).standardOutput
        let names = rows(output).map { String($0.prefix { $0 != " " }) }
        #expect(Array(names.prefix(4)) == ["Θ⁽¹⁾₁₀", "Θ⁽¹⁾₂₀", "Θ⁽¹⁾₃₀", "Θ⁽¹⁾₁₁"])
        #expect(names.count == 29)
    }

    @Test("each notation names the rows with its own symbols and says which connection each weights")
    func notationNames() throws {
        let tulleken = rows(BackpropTutor.execute(["check", "--lesson", "15-steps", "--notation", "tulleken"]).standardOutput)
        #expect(tulleken.first?.hasPrefix("W[0,0]     x[0] → net[0]") == true, "\(tulleken)")
        #expect(tulleken.last?.hasPrefix("W[4,2]     +1 → net[2]") == true)
        #expect(!tulleken.joined().contains("Θ"))
        let mazur = rows(BackpropTutor.execute(["check", "--lesson", "mazur", "--notation", "mazur"]).standardOutput)
        // One bias per unit, named by the unit it leads into (review N8), and the connection.
        #expect(mazur.map { String($0.prefix { $0 != " " }) } == ["w₁", "w₂", "w₃", "w₄", "bₕ₁", "bₕ₂", "w₅", "w₆", "w₇", "w₈", "bₒ₁", "bₒ₂"])
        #expect(mazur[4].contains("+1 → netₕ₁") && mazur[5].contains("+1 → netₕ₂"))
        let nielsen = rows(BackpropTutor.execute(["check", "--lesson", "xor", "--notation", "nielsen"]).standardOutput)
        #expect(nielsen.first?.hasPrefix("w²₁₁") == true && nielsen.contains { $0.hasPrefix("b²₁") })
        #expect(!nielsen.joined().contains("Θ"))
    }

    @Test("without --notation the rows are in the lesson's own notation")
    func lessonNotation() throws {
        let output = BackpropTutor.execute(["check", "--lesson", "mazur"]).standardOutput
        #expect(rows(output).first?.hasPrefix("w₁") == true)
    }
}
