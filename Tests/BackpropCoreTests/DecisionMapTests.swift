import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// `DecisionMap` against a forward pass written out here, one point at a time, and the
/// trainer's weight snapshots against runs stopped at those updates.
@Suite("Decision map and snapshots")
struct DecisionMapTests {
    /// a⁽ᴸ⁾ for one input, by the textbook loop (sigmoid layers only), independent of the batched engine.
    static func sigmoidForward(_ weights: [Matrix], _ input: [Double]) -> [Double] {
        var a = input
        for theta in weights {
            a = (0..<theta.rows).map { i in
                var z = theta[i, 0]
                for j in 0..<a.count { z += theta[i, j + 1] * a[j] }
                return 1 / (1 + exp(-z))
            }
        }
        return a
    }

    @Test("xor and mazur: every grid value is the forward pass at the cell's centre; row 0 is the top")
    func valuesAtGridPoints() throws {
        for name in ["xor", "mazur"] {
            let lesson = try LessonFixtures.lesson(name)
            let map = DecisionMap(network: lesson.network, x1Range: -0.5...1.5, x2Range: 0...2, columns: 8, rows: 5)
            #expect(map.outputs.count == 40)
            for row in 0..<5 {
                for column in 0..<8 {
                    // Cell centres worked out by hand: x₁ steps of 0.25 from -0.5, x₂ steps of 0.4 from 2 down.
                    let x1 = -0.5 + 0.125 + 0.25 * Double(column)
                    let x2 = 2 - 0.2 - 0.4 * Double(row)
                    let point = map.point(row: row, column: column)
                    expectClose(point[0], x1, relative: 1e-12, absolute: 1e-15)
                    expectClose(point[1], x2, relative: 1e-12, absolute: 1e-15)
                    let expected = Self.sigmoidForward(lesson.network.weights, [x1, x2])
                    for (got, want) in zip(map.output(row: row, column: column), expected) {
                        expectClose(got, want, relative: 1e-12)
                    }
                }
            }
        }
    }

    @Test("a cell's class and value: one output a ≥ 0.5 is class 1 with value a; several: the largest and its output")
    func cellSummary() throws {
        let xor = try LessonFixtures.lesson("xor")
        let map = DecisionMap(network: xor.network, x1Range: 0...1, x2Range: 0...1, columns: 3, rows: 3)
        for row in 0..<3 {
            for column in 0..<3 {
                let a = map.output(row: row, column: column)[0]
                let cell = map.cell(row: row, column: column)
                #expect(cell.predictedClass == (a >= 0.5 ? 1 : 0))
                #expect(cell.value == a)
            }
        }
        let mazur = try LessonFixtures.lesson("mazur")
        let two = DecisionMap(network: mazur.network, x1Range: 0...1, x2Range: 0...1, columns: 2, rows: 2)
        let output = two.output(row: 1, column: 0)
        let cell = two.cell(row: 1, column: 0)
        #expect(cell.predictedClass == (output[1] > output[0] ? 1 : 0))
        #expect(cell.value == output.max())
    }

    @Test("ranges: the samples' extent widened by 10 % each side, ½ for a constant input")
    func ranges() {
        let ranges = DecisionMap.ranges(around: [[0, 5], [1, 5], [0.5, 5]])
        expectClose(ranges.x1.lowerBound, -0.1, absolute: 1e-15)
        expectClose(ranges.x1.upperBound, 1.1, absolute: 1e-15)
        #expect(ranges.x2 == 4.5...5.5)
        #expect(DecisionMap.ranges(around: []).x1 == 0...1)
    }

    @Test("snapshot updates: 0 then geometric whole epochs below the limit; xor's 2000 epochs give 0, 5, 21, 96, 437")
    func snapshotUpdates() {
        let plan = TrainingPlan.fullBatch(epochs: 2000)
        // 2000^(k/5) for k = 1…4: 4.57, 20.9, 95.6, 437.3, rounded.
        #expect(plan.snapshotUpdates(trainingCount: 4) == [0, 5, 21, 96, 437])
        let minibatch = TrainingPlan(scheme: .minibatch(size: 10), stop: .init(epochs: 32))
        // 10 updates per epoch; 32^(k/5) = 2, 4, 8, 16 epochs.
        #expect(minibatch.snapshotUpdates(trainingCount: 100) == [0, 20, 40, 80, 160])
        #expect(TrainingPlan.fullBatch(epochs: 1).snapshotUpdates(trainingCount: 4) == [0])
    }

    @Test("the trainer keeps the weights at the asked updates and at the end, equal to runs stopped there")
    func snapshotsMatchShorterRuns() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let plan = TrainingPlan(scheme: .minibatch(size: 2), seed: 9, stop: .init(epochs: 7))
        var trainer = Trainer(lesson: lesson, plan: plan)
        trainer.snapshotUpdates = [0, 3, 8]
        let result = trainer.run()
        #expect(result.snapshots.map(\.updates) == [0, 3, 8, 14])
        #expect(result.snapshots.map(\.epoch) == [0, 1.5, 4, 7])
        #expect(result.snapshots.last?.weights == result.network.weights)
        #expect(result.snapshots.first?.weights == lesson.network.weights)
        for snapshot in result.snapshots {
            var stopped = plan
            stopped.stop = .init(updates: snapshot.updates)
            let shorter = Trainer(lesson: lesson, plan: stopped).run()
            #expect(shorter.network.weights == snapshot.weights, "update \(snapshot.updates)")
        }
        // Without asking, none are kept.
        #expect(Trainer(lesson: lesson, plan: plan).run().snapshots.isEmpty)
    }
}
