import BackpropCore

/// `error-sign`: δ⁽ᴸ⁾ = y − a instead of a − y (the 15 Steps' sign inside Ng's formulas).
public struct ErrorSign: Mistake {
    public init() {}
    public var id: String { "error-sign" }
    public var explanation: String { "the output error has the wrong sign: y − a instead of a − y" }
    public var changes: String { "δ⁽ᴸ⁾" }
    public func outputDelta(z: [Double], a: [Double], y: [Double], network: Network) -> [Double] {
        network.loss.outputDelta(z: z, a: a, y: y, activation: network.outputActivation).map { -$0 }
    }
}
