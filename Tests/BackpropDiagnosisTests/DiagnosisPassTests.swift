import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropDiagnosis

/// The diagnosis pass (ex4's per-sample loop) against the engine's batched trace, and every
/// mistake of the catalogue diagnosed back from the numbers its own pass produces.
@Suite struct DiagnosisPassTests {
    static let lessons = ["ng-gradcheck-lambda3", "ng-lecture", "xor"]

    @Test(arguments: lessons)
    func correctPassIsTheEngines(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        let trace = Tracer.trace(lesson)
        let pass = DiagnosisPass(lesson: lesson, mistake: CorrectPass())
        let L = lesson.network.layerCount
        for l in 2...L {
            let a = try #require(pass.values[.activation(l)])
            let delta = try #require(pass.values[.delta(l)])
            for (k, sample) in trace.samples.enumerated() {
                for (x, y) in zip(a.row(k), sample.a[l - 1]) { #expect(isClose(x, y, relative: 1e-12, absolute: 1e-15)) }
                for (x, y) in zip(delta.row(k), sample.delta[l - 2]) { #expect(isClose(x, y, relative: 1e-10, absolute: 1e-15)) }
            }
        }
        expectClose(try #require(pass.values[.cost])[0, 0], trace.cost, relative: 1e-12)
        for l in 1..<L {
            let d = try #require(pass.values[.gradient(l)])
            for (x, y) in zip(d.values, trace.D[l - 1].values) { #expect(isClose(x, y, relative: 1e-10, absolute: 1e-15)) }
            let updated = try #require(pass.values[.updatedWeights(l)])
            for (x, y) in zip(updated.values, trace.updatedWeights[l - 1].values) { #expect(isClose(x, y, relative: 1e-12)) }
        }
    }

    /// The quantities a learner working through ex4 would print, from a pass.
    static func learnerValues(_ pass: DiagnosisPass, layerCount L: Int) -> [GivenValue] {
        var given: [GivenValue] = []
        given.append(GivenValue(name: "J", quantity: .cost, values: pass.values[.cost]!))
        for l in stride(from: L, through: 2, by: -1) {
            given.append(GivenValue(name: "delta\(l)", quantity: .delta(l), values: pass.values[.delta(l)]!))
        }
        for l in 1..<L {
            given.append(GivenValue(name: "Theta\(l)_grad", quantity: .gradient(l), values: pass.values[.gradient(l)]!))
            given.append(GivenValue(name: "Theta\(l)", quantity: .updatedWeights(l), values: pass.values[.updatedWeights(l)]!))
        }
        return given
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var lesson: String
        var mistake: String
        var testDescription: String { "\(mistake) on \(lesson)" }
    }

    static let cases: [Case] = ["ng-gradcheck-lambda3", "ng-lecture"].flatMap { lesson in
        MistakeCatalogue.all.map { Case(lesson: lesson, mistake: $0.id) }
    }

    @Test(arguments: cases)
    func everyMistakeIsDiagnosedBackToItsId(_ c: Case) throws {
        let lesson = try LessonFixtures.lesson(c.lesson)
        let mistake = try #require(MistakeCatalogue.mistake(id: c.mistake))
        let pass = DiagnosisPass(lesson: lesson, mistake: mistake)
        let diagnosis = Diagnosis(lesson: lesson, given: Self.learnerValues(pass, layerCount: lesson.network.layerCount), sample: nil)
        #expect(diagnosis.firstWrong != nil, "the mistake changes nothing on \(c.lesson)")
        #expect(diagnosis.explanation?.mistake.id == c.mistake, "diagnosed as \(diagnosis.explanation?.mistake.id ?? "nothing")")
    }

    @Test(arguments: lessons)
    func rightAnswersAreAllRight(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        let pass = DiagnosisPass(lesson: lesson, mistake: CorrectPass())
        let diagnosis = Diagnosis(lesson: lesson, given: Self.learnerValues(pass, layerCount: lesson.network.layerCount), sample: nil)
        #expect(diagnosis.findings.allSatisfy { $0.status == .right })
        #expect(diagnosis.explanation == nil)
    }
}
