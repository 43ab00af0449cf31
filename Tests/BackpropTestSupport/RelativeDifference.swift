import BackpropCore

/// ‖u − v‖ / ‖u + v‖, the relative difference Ng's checkNNGradients prints (0 when both are 0).
///
/// `u` and `v` must have the same length.
public func relativeDifference(_ u: [Double], _ v: [Double]) -> Double {
    precondition(u.count == v.count)
    var difference = 0.0
    var sum = 0.0
    for (a, b) in zip(u, v) {
        difference += (a - b) * (a - b)
        sum += (a + b) * (a + b)
    }
    return sum == 0 ? 0 : (difference / sum).squareRoot()
}

/// ‖u − v‖ / ‖u + v‖ over lists of matrices taken as one long vector.
public func relativeDifference(_ u: [Matrix], _ v: [Matrix]) -> Double {
    relativeDifference(u.flatMap(\.values), v.flatMap(\.values))
}
