extension Network {
    /// ∂J/∂Θ⁽ˡ⁾ (= D⁽ˡ⁾) by one batched forward and backward pass, with its forward pass.
    public func gradients(inputs: Matrix, targets: Matrix, lambda: Double) -> (pass: BatchPass, D: [Matrix]) {
        let pass = backward(forward(inputs: inputs, targets: targets), targets: targets)
        let accumulated = accumulatedGradients(of: pass)
        return (pass, averagedGradients(accumulated, sampleCount: targets.rows, lambda: lambda))
    }

    /// Full-batch gradient descent: `epochs` steps Θ := Θ − αD.
    ///
    /// Returns J before the first step and after each step (epochs + 1 values) and the final
    /// network. Each epoch is one batched pass over all samples as matrix work.
    public func trained(
        inputs: Matrix, targets: Matrix, lambda: Double, learningRate: Double,
        updatesBiases: Bool, epochs: Int
    ) -> (network: Network, costs: [Double]) {
        var network = self
        var costs: [Double] = []
        costs.reserveCapacity(epochs + 1)
        for _ in 0..<epochs {
            let (pass, d) = network.gradients(inputs: inputs, targets: targets, lambda: lambda)
            costs.append(network.cost(of: pass, lambda: lambda))
            network.weights = network.updatedWeights(
                gradients: d, learningRate: learningRate, updatesBiases: updatesBiases)
        }
        costs.append(network.cost(inputs: inputs, targets: targets, lambda: lambda))
        return (network, costs)
    }
}
