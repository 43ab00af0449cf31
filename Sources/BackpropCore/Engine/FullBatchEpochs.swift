/// One state of a training run: the network after `epoch` full-batch steps, and its cost.
public struct EpochState: Equatable, Sendable {
    /// How many steps Θ := Θ − αD have been taken (0 = the starting network).
    public var epoch: Int
    /// The network after those steps.
    public var network: Network
    /// J of that network over the training samples, regularisation included.
    public var cost: Double
}

/// The states of full-batch gradient descent, computed lazily (`Network.trainingEpochs`).
///
/// Yields `epochs + 1` states, epoch 0 first. Reading state e costs one batched forward and
/// backward pass (the last state only a forward pass, as no step follows it).
public struct FullBatchEpochs: Sequence, Sendable {
    let start: Network
    let inputs: Matrix
    let targets: Matrix
    let lambda: Double
    let learningRate: Double
    let updatesBiases: Bool
    let epochs: Int

    /// Steps the network one epoch per `next()`.
    public struct Iterator: IteratorProtocol, Sendable {
        let run: FullBatchEpochs
        var network: Network
        var epoch = 0
        var pendingGradient: [Matrix]?

        /// The next state, or `nil` after `epochs + 1` states.
        public mutating func next() -> EpochState? {
            if let gradient = pendingGradient {
                network.weights = network.updatedWeights(
                    gradients: gradient, learningRate: run.learningRate, updatesBiases: run.updatesBiases)
                pendingGradient = nil
                epoch += 1
            }
            guard epoch <= run.epochs else { return nil }
            let cost: Double
            if epoch < run.epochs {
                let (pass, d) = network.gradients(inputs: run.inputs, targets: run.targets, lambda: run.lambda)
                cost = network.cost(of: pass, lambda: run.lambda)
                pendingGradient = d
            } else {
                cost = network.cost(inputs: run.inputs, targets: run.targets, lambda: run.lambda)
                // Past the last state: the next call returns nil.
                epoch += 1
                return EpochState(epoch: run.epochs, network: network, cost: cost)
            }
            return EpochState(epoch: epoch, network: network, cost: cost)
        }
    }

    /// An iterator from the starting network.
    public func makeIterator() -> Iterator {
        Iterator(run: self, network: start)
    }

    /// The number of states: `epochs + 1`.
    public var underestimatedCount: Int { Swift.max(epochs, 0) + 1 }
}
