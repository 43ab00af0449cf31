/// Step 15's short run: full-batch gradient descent, one state per epoch (`train` runs the
/// lesson's `TrainingPlan` with `Trainer`, in Training/, on the same engine functions; a
/// bit-for-bit test keeps the two equal for a full batch).
extension Network {
    /// ∂J/∂Θ⁽ˡ⁾ (= D⁽ˡ⁾) by one batched forward and backward pass, with its forward pass.
    public func gradients(inputs: Matrix, targets: Matrix, lambda: Double) -> (pass: BatchPass, D: [Matrix]) {
        let pass = backward(forward(inputs: inputs, targets: targets), targets: targets)
        let accumulated = accumulatedGradients(of: pass)
        return (pass, averagedGradients(accumulated, sampleCount: targets.rows, lambda: lambda))
    }

    /// Full-batch gradient descent, one state per epoch, computed as it is read.
    ///
    /// The sequence yields `epochs + 1` states: the starting network (epoch 0) and the network
    /// after each step Θ := Θ − αD, each with its cost J. Each epoch is one batched forward and
    /// backward pass over all samples as matrix work; the pass that gives a state's cost also
    /// gives the gradient for the next step. Stop reading early (`prefix`, `break`) to stop
    /// training; progress reports read the states as they come.
    public func trainingEpochs(
        inputs: Matrix, targets: Matrix, lambda: Double, learningRate: Double,
        updatesBiases: Bool, epochs: Int
    ) -> FullBatchEpochs {
        FullBatchEpochs(
            start: self, inputs: inputs, targets: targets, lambda: lambda, learningRate: learningRate,
            updatesBiases: updatesBiases, epochs: epochs)
    }

    /// Full-batch gradient descent: `epochs` steps Θ := Θ − αD.
    ///
    /// Returns J before the first step and after each step (epochs + 1 values) and the final
    /// network: the states of `trainingEpochs`, collected.
    public func trained(
        inputs: Matrix, targets: Matrix, lambda: Double, learningRate: Double,
        updatesBiases: Bool, epochs: Int
    ) -> (network: Network, costs: [Double]) {
        var network = self
        var costs: [Double] = []
        costs.reserveCapacity(max(epochs, 0) + 1)
        for state in trainingEpochs(
            inputs: inputs, targets: targets, lambda: lambda, learningRate: learningRate,
            updatesBiases: updatesBiases, epochs: epochs)
        {
            costs.append(state.cost)
            network = state.network
        }
        return (network, costs)
    }
}
