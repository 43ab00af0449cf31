/// One sample's input drawn as an image (the 8×8 digits): the pixel values and the range
/// the shades span.
///
/// Pixels are stored row by row, as the lesson's inputs are: `pixels[row * width + column]`
/// is x₍row·width + column + 1₎, so x₁ is the top-left pixel. Shade 0 (no ink) stands for
/// `low`, the last shade (full ink) for `high`.
public struct SampleImage: Equatable, Sendable {
    /// Pixels per row.
    public var width: Int
    /// Rows.
    public var height: Int
    /// The pixel values, row by row (`width × height` of them).
    public var pixels: [Double]
    /// The value drawn with no ink: the smaller of 0 and the smallest pixel.
    public var low: Double
    /// The value drawn with full ink: the larger of 1 and the largest pixel.
    public var high: Double

    /// The image of `pixels` (row by row); `low` and `high` span 0…1 and every pixel.
    public init(width: Int, height: Int, pixels: [Double]) {
        self.width = width
        self.height = height
        self.pixels = pixels
        let finite = pixels.filter(\.isFinite)
        low = min(0, finite.min() ?? 0)
        high = max(1, finite.max() ?? 1)
    }

    /// The pixel in `row` (0 = top) and `column` (0 = left).
    public func pixel(row: Int, column: Int) -> Double { pixels[row * width + column] }

    /// The pixel's shade from 0 (no ink, `low`) to `levels − 1` (full ink, `high`), rounded
    /// to the nearest; a value that is not a number gets no ink.
    public func shade(row: Int, column: Int, levels: Int) -> Int {
        let value = pixel(row: row, column: column)
        guard value.isFinite, high > low, levels > 1 else { return 0 }
        let fraction = (value - low) / (high - low)
        return min(levels - 1, max(0, Int((fraction * Double(levels - 1)).rounded())))
    }
}
