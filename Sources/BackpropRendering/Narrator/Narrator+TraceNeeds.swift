import BackpropCore

extension Narrator {
    /// The most rows a table of samples or weights lists (steps 2, 3, 7 and 14).
    static let tableRowCount = 12
    /// How many samples the tables of steps 2, 3 and 7 list (the first ones, in order).
    static let tableSampleCount = tableRowCount
    /// Up to this many samples, step 13 writes every per-sample gradient out (beyond it, the
    /// per-sample symbols ∇₍₁₎ + ∇₍₂₎ + ∇₍₃₎ + ⋯ + ∇₍ₘ₎ are abbreviated after three).
    static let writtenOutSampleCount = 4
    /// Up to this many samples, step 7 writes the average of every loss term out.
    static let summedLossSampleCount = 6

    /// The trace parts the narrator reads to tell `steps` (and the preface figure) about
    /// sample `sampleIndex` (0-based): ask `Tracer` for these and nothing more.
    ///
    /// - Steps 2, 3 and 7 list the first 12 samples (step 7 sums every loss when m ≤ 6).
    /// - Steps 4, 6 and 9–12 follow the chosen sample; so does the preface's figure, which is
    ///   why the chosen sample is always recorded.
    /// - Step 13 writes out every per-sample gradient when m ≤ 4 (larger m only numbers them).
    /// - Step 14 reads the gradient check; step 15 reads the training run.
    /// - Steps 1, 5 and 8 read only totals, which every trace has.
    public static func traceOptions(for steps: [Step], sampleIndex: Int) -> TraceOptions {
        var samples = [sampleIndex]
        var includesGradientCheck = false
        var includesTraining = false
        for step in steps {
            switch step {
            case .network, .initialWeights, .whyDerivatives:
                break
            case .classes, .data, .cost:
                samples += 0..<tableSampleCount
            case .activation, .feedforward, .chainRule, .outputError, .hiddenError, .backpropagation:
                samples.append(sampleIndex)
            case .accumulation:
                samples += 0..<writtenOutSampleCount
            case .gradientCheck:
                includesGradientCheck = true
            case .gradientDescent:
                includesTraining = true
            }
        }
        return TraceOptions(
            samples: .indices(samples), includesGradientCheck: includesGradientCheck, checksEveryParameter: false,
            includesTraining: includesTraining)
    }
}
