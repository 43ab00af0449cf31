import BackpropCore
import Foundation

/// `cost-missing-negative-class`: J without the (1 − y) log(1 − a) term.
public struct CostMissingNegativeClass: Mistake {
    public init() {}
    public var id: String { "cost-missing-negative-class" }
    public var explanation: String { "the cost leaves out the (1 − y) log(1 − a) term of the logistic cost" }
    public var changes: String { "J" }
    public func sampleLoss(z: [Double], a: [Double], y: [Double], network: Network) -> Double {
        zip(y, a).reduce(0) { $0 - $1.0 * log($1.1) }
    }
}
