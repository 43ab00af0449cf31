extension SplitMix64 {
    /// `items` in an order drawn by Fisher–Yates from the back: for i = n−1 down to 1, swap
    /// items i and j = ⌊u·(i + 1)⌋ with u the next `nextUnitInterval()`. The same on every
    /// platform (Tests/Tools/make_class_lessons.py splits the class data sets this way).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var i = result.count - 1
        while i > 0 {
            let j = min(Int(nextUnitInterval() * Double(i + 1)), i)
            result.swapAt(i, j)
            i -= 1
        }
        return result
    }

    /// A uniform index in 0..<count (count ≥ 1): ⌊u·count⌋.
    public mutating func nextIndex(below count: Int) -> Int {
        min(Int(nextUnitInterval() * Double(count)), count - 1)
    }
}
