extension Lesson {
    /// The shape of an input that is an image: `width` × `height` pixels, stored row by row
    /// (x₁ is the top-left pixel, x_width the top-right one), one input unit per pixel.
    public struct ImageShape: Equatable, Codable, Sendable {
        /// Pixels per row.
        public var width: Int
        /// Rows.
        public var height: Int

        /// A `width` × `height` image.
        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }

        /// How many pixels (inputs) the image has.
        public var pixelCount: Int { width * height }
    }
}
