import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// The evaluator that proves printed equations true: each operation against values worked out
/// by hand (Mazur's forward pass for the products), and every non-evaluable node refused.
@Suite("Math evaluator")
struct MathEvaluatorTests {
    let evaluator = MathEvaluator()

    func value(_ math: Math) throws -> MathValue { try evaluator.value(of: math) }

    /// Every entry within `relative` of the expected one.
    func expectEntries(_ actual: [Double], _ expected: [Double], relative: Double) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { expectClose(a, e, relative: relative) }
    }

    @Test("Θ[1; a] is Mazur's net_h: 0.3775 and 0.3925")
    func forwardProduct() throws {
        let theta = Math.values([[0.35, 0.15, 0.20], [0.35, 0.25, 0.30]])
        let net = try value(.juxtaposed(theta, .stackBias(.first, .column([0.05, 0.10]))))
        #expect(net.rowCount == 2 && net.columnCount == 1)
        expectEntries(net.entries, [0.3775, 0.3925], relative: 1e-15)
        // The 15 Steps' row form: [x, 1] · W with W = Θᵀ, bias row last.
        let w = Math.values([[0.15, 0.25], [0.20, 0.30], [0.35, 0.35]])
        let rowNet = try value(.times(.stackBias(.last, .rowVector([0.05, 0.10])), w))
        #expect(rowNet.rowCount == 1)
        expectEntries(rowNet.entries, [0.3775, 0.3925], relative: 1e-15)
    }

    @Test("scalar multiples, sums, differences, negation and division")
    func arithmetic() throws {
        #expect(try value(.times(.number(0.5), .column([2, -4]))).entries == [1, -2])
        #expect(try value(.add([.number(1), .number(2), .integer(3)])).scalar == 6)
        #expect(try value(.subtract(.column([1, 2]), .column([0.5, 3]))).entries == [0.5, -1])
        #expect(try value(.negate(.number(2))).scalar == -2)
        let averaged = try value(.juxtaposed(.divide(.integer(1), .integer(4)), .values([[2, 8]])))
        #expect(averaged.entries == [0.5, 2])
        #expect(try value(.parenthesized(.number(3))).scalar == 3)
    }

    @Test("⊙ and ⊗ and transpose")
    func products() throws {
        #expect(try value(.hadamard(.column([2, 3]), .column([4, 5]))).entries == [8, 15])
        let outer = try value(.outer(.column([1, 2]), .rowVector([3, 4, 5])))
        #expect(outer.rows == [[3, 4, 5], [6, 8, 10]])
        let transposed = try value(.transpose(.values([[1, 2, 3]])))
        #expect(transposed.rows == [[1], [2], [3]])
        // δ[1; a]ᵀ, Ng's per-sample gradient.
        let gradient = try value(.juxtaposed(.column([0.5, -1]), .transpose(.stackBias(.first, .column([2])))))
        #expect(gradient.rows == [[0.5, 1], [-1, -2]])
    }

    @Test("functions with a meaning: sigmoid, its derivative, softmax, log and exp")
    func calls() throws {
        let sigmoid = MathFunction.activation(.sigmoid, written: .identifier("g"))
        let s = try value(.call(sigmoid, [.number(0.3775)]))
        expectEntries(s.entries, [0.593269992], relative: 1e-9)  // Mazur's out_h1
        let slope = try value(.call(.derivative(of: .sigmoid, written: .identifier("g′")), [.number(0)]))
        #expect(s.isScalar && slope.scalar == 0.25)
        let softmax = try value(.call(.activation(.softmax, written: .identifier("g")), [.column([0, log(3)])]))
        expectEntries(softmax.entries, [0.25, 0.75], relative: 1e-15)
        #expect(try value(.call(.log, [.number(1)])).scalar == 0)
        #expect(try value(.call(.exp, [.number(0)])).scalar == 1)
    }

    @Test("symbols, text, ellipses, layout rows and nameless functions are not evaluable")
    func refusals() {
        let refused: [Math] = [
            .identifier("a"), .text("sample 1"), .row([.number(1), .op(.plus), .number(2)]),
            .matrix([[.number(1), .ellipsis(.horizontal), .number(3)]]), .fraction(.integer(1), .integer(2)),
            .call(.named("max"), [.number(1)]), .times(.identifier("α"), .number(2)),
        ]
        for math in refused {
            #expect(throws: MathEvaluationError.self) { try value(math) }
        }
    }

    @Test("shapes that do not fit are reported")
    func shapes() {
        #expect(throws: MathEvaluationError.self) { try value(.juxtaposed(.column([1, 2]), .column([1, 2]))) }
        #expect(throws: MathEvaluationError.self) { try value(.add([.column([1, 2]), .column([1])])) }
        #expect(throws: MathEvaluationError.self) { try value(.hadamard(.rowVector([1, 2]), .column([1, 2]))) }
    }
}
