import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropDiagnosis

/// `diagnose --notation`: network.py's, the 15 Steps' and Mazur's variable names (issue 21).
@Suite struct NotationNamesTests {
    /// Mazur's published numbers, under his own names, as his post prints them: all right.
    @Test("Mazur's published numbers under his names diagnose as right")
    func mazurPublished() throws {
        let text = """
            net_h1 = 0.3775
            out_h1 = 0.593269992
            out_h2 = 0.596884378
            out_o1 = 0.75136507
            out_o2 = 0.772928465
            dEtotal_dw5 = 0.082167041
            dEtotal_dw1 = 0.000438568
            w5 = 0.35891648
            w6 = 0.408666186
            w7 = 0.511301270
            w8 = 0.561370121
            w1 = 0.149780716
            w2 = 0.19956143
            w3 = 0.24975114
            w4 = 0.29950229
            """
        let diagnosis = try Diagnosis(lesson: try LessonFixtures.lesson("mazur"), answers: try AnswerFile(text: text), notation: "mazur")
        #expect(diagnosis.findings.count == 15)
        #expect(diagnosis.findings.allSatisfy { $0.status == .right }, "\(diagnosis.findings.filter { $0.status != .right }.map(\.given.name))")
        // One digit off in w5 is wrong, and named.
        let wrong = try Diagnosis(
            lesson: try LessonFixtures.lesson("mazur"), answers: try AnswerFile(text: text.replacingOccurrences(of: "0.35891648", with: "0.36891648")),
            notation: "mazur")
        #expect(wrong.firstWrong?.given.name == "w5")
    }

    /// The names each notation's table offers for a network with these layer sizes.
    static func names(_ notation: String, layerSizes: [Int]) -> [String] {
        let L = layerSizes.count
        switch notation {
        case "nielsen":
            return ["activations[-1]", "delta"] + (0..<(L - 1)).flatMap { ["zs[\($0)]", "nabla_w[\($0)]", "nabla_b[\($0)]"] }
        case "tulleken":
            return ["output", "net", "delta"] + (2..<L).flatMap { ["net(\($0))", "output(\($0))", "delta(\($0))"] }
                + (1..<L).map { "ΔW(\($0))" }
        default:
            let weights = (1..<L).reduce(0) { $0 + layerSizes[$1] * layerSizes[$1 - 1] }
            return (1...layerSizes[L - 1]).flatMap { ["out_o\($0)", "net_o\($0)"] }
                + (1...weights).flatMap { ["dEtotal_dw\($0)", "w\($0)"] }
        }
    }

    /// What a learner whose code makes `mistake` prints under `notation`'s names, for sample 1.
    /// nil when the mistake's numbers have no entry-by-entry form (a transposed gradient).
    static func values(_ lesson: Lesson, mistake: any Mistake, notation: String) throws -> String? {
        let pass = DiagnosisPass(lesson: lesson, mistake: mistake)
        var lines = ["% sample 1"]
        for name in names(notation, layerSizes: lesson.network.layerSizes) {
            let (quantity, part) = try #require(NotationQuantityNames.read(name, notation: notation, layerSizes: lesson.network.layerSizes))
            var full = try #require(pass.values[quantity])
            if Diagnosis.isPerSample(quantity) { full = Matrix([full.row(0)]) }
            guard let m = part.extract(from: full) else { return nil }
            let rows = m.rowList.map { $0.map { String(format: "%.10g", $0) }.joined(separator: " ") }
            lines.append("\(name) = [" + rows.joined(separator: "; ") + "];")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "every mistake, written in each tutorial's names, is diagnosed to a mistake that reproduces the numbers",
        arguments: ["nielsen", "tulleken", "mazur"])
    func mistakesInEachNotation(notation: String) throws {
        for name in ["mazur", "xor"] {
            let lesson = try LessonFixtures.lesson(name)
            let rightText = try #require(try Self.values(lesson, mistake: CorrectPass(), notation: notation))
            let right = try Diagnosis(lesson: lesson, answers: AnswerFile(text: rightText), notation: notation)
            #expect(right.findings.allSatisfy { $0.status == .right }, "\(name) \(notation): the right pass is not right")
            var named = 0
            for mistake in MistakeCatalogue.all {
                guard let text = try Self.values(lesson, mistake: mistake, notation: notation) else { continue }
                let diagnosis = try Diagnosis(lesson: lesson, answers: AnswerFile(text: text), notation: notation)
                guard diagnosis.firstWrong != nil else { continue }  // this mistake leaves these names unchanged
                let found = try #require(diagnosis.explanation, "\(name) \(notation) \(mistake.id): wrong, but no mistake named")
                // The named mistake reproduces every given value (it may be another id with the same numbers).
                let foundText = try Self.values(lesson, mistake: found.mistake, notation: notation)
                #expect(foundText == text || found.mistake.id == mistake.id, "\(name) \(notation) \(mistake.id) → \(found.mistake.id)")
                if found.mistake.id == mistake.id { named += 1 }
            }
            #expect(named >= 5, "\(name) \(notation): only \(named) mistakes named by their own id")
        }
    }

    @Test("the 15 Steps' delta is −δ; Nielsen's is +δ: the same name read per notation")
    func deltaSigns() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let delta = DiagnosisPass(lesson: lesson, mistake: CorrectPass()).values[.delta(3)]!.row(0)[0]
        let plus = "% sample 1\ndelta = \(delta)\n"
        let minus = "% sample 1\ndelta = \(-delta)\n"
        #expect(try Diagnosis(lesson: lesson, answers: AnswerFile(text: plus), notation: "nielsen").firstWrong == nil)
        #expect(try Diagnosis(lesson: lesson, answers: AnswerFile(text: minus), notation: "tulleken").firstWrong == nil)
        #expect(try Diagnosis(lesson: lesson, answers: AnswerFile(text: plus), notation: "tulleken").firstWrong != nil)
    }

    @Test("the 15 Steps' ΔW is minus the summed gradient in W's layout (Θᵀ, bias row last)")
    func fifteenStepsDeltaW() throws {
        let lesson = try LessonFixtures.lesson("mazur")
        let delta = DiagnosisPass(lesson: lesson, mistake: CorrectPass()).values[.accumulator(2)]!
        // W's layout by hand: row j is unit j of the hidden layer, the last row the bias.
        let w = Matrix([[-delta[0, 1], -delta[1, 1]], [-delta[0, 2], -delta[1, 2]], [-delta[0, 0], -delta[1, 0]]])
        let text = "ΔW(2) = [" + w.rowList.map { $0.map { "\($0)" }.joined(separator: " ") }.joined(separator: "; ") + "]\n"
        let diagnosis = try Diagnosis(lesson: lesson, answers: AnswerFile(text: text), notation: "tulleken")
        #expect(diagnosis.findings.count == 1 && diagnosis.firstWrong == nil)
    }

    @Test("Mazur's numbering: w1 is the first hidden weight, w5 the first output weight")
    func mazurNumbering() {
        #expect(NotationQuantityNames.weight(numbered: 1, layerSizes: [2, 2, 2])! == (1, 1, 1))
        #expect(NotationQuantityNames.weight(numbered: 2, layerSizes: [2, 2, 2])! == (1, 1, 2))
        #expect(NotationQuantityNames.weight(numbered: 3, layerSizes: [2, 2, 2])! == (1, 2, 1))
        #expect(NotationQuantityNames.weight(numbered: 5, layerSizes: [2, 2, 2])! == (2, 1, 1))
        #expect(NotationQuantityNames.weight(numbered: 9, layerSizes: [2, 2, 2]) == nil)
    }
}
