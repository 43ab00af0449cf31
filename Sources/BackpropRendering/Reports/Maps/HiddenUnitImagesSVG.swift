import BackpropCore
import Foundation

/// Each unit of the first hidden layer as a grey image of its incoming weights, the way ex4's
/// "Visualizing the hidden layer" (`displayData(Theta1(:, 2:end))`) shows them.
///
/// Unit k's image is row k of Θ⁽¹⁾ without its bias weight (column 0), laid out in the lesson's
/// image shape: the weight from input x₍r·width + c + 1₎ is the pixel in row r (0 = top) and
/// column c (0 = left), as `SampleImage` stores a sample. As in ex4, each image is scaled by
/// its own largest |weight|: that weight's sign gives black (−) or white (+), 0 is mid grey.
///
/// Each unit is a `<g class="hidden-unit" data-unit="k">` (k from 1) holding one
/// `<rect class="pixel">` per pixel, row by row, and its caption; `data-scale` is the unit's
/// largest |weight|. `element()` is the bare `<svg>` (for inlining in HTML; ids start with
/// `idPrefix`), `document()` the standalone file. Lesson strings are escaped with `XMLEscaping`.
public struct HiddenUnitImagesSVG: Sendable {
    /// The figure's title.
    public var title: String
    /// The image layout of the inputs.
    public var shape: Lesson.ImageShape
    /// Θ⁽¹⁾: one row per hidden unit, column 0 the bias weights, then one column per pixel.
    public var weights: Matrix
    /// Starts every id in the figure, so several figures can share an HTML page.
    public var idPrefix = "hidden-units"

    /// The images of `weights` (Θ⁽¹⁾, with `shape.pixelCount + 1` columns).
    public init(title: String, shape: Lesson.ImageShape, weights: Matrix) {
        precondition(weights.columns == shape.pixelCount + 1)
        self.title = title
        self.shape = shape
        self.weights = weights
    }

    /// The images of `network`'s first hidden layer for a lesson with `shape`, with a title
    /// naming `lessonTitle`.
    public init(lessonTitle: String, shape: Lesson.ImageShape, network: Network) {
        self.init(
            title: "Hidden units' incoming weights: " + lessonTitle, shape: shape, weights: network.weights[0])
    }

    /// The number of hidden units (images).
    public var unitCount: Int { weights.rows }

    /// Unit `unit`'s (0-based) incoming weights, bias left out, as an image.
    public func image(unit: Int) -> SampleImage {
        SampleImage(width: shape.width, height: shape.height, pixels: Array(weights.row(unit).dropFirst()))
    }

    /// The grey of a weight in a unit whose largest |weight| is `scale`: 0 (black) for −scale,
    /// 255 (white) for +scale, 128 for 0 (a unit whose weights are all 0 is mid grey).
    public static func grey(_ weight: Double, scale: Double) -> Int {
        guard scale > 0, scale.isFinite, weight.isFinite else { return 128 }
        let fraction = min(max(weight / scale, -1), 1)
        return Int((127.5 + 127.5 * fraction).rounded(.down)).clamped(to: 0...255)
    }

    // MARK: Layout

    var pixelSize: Double { max(2, (72 / Double(max(shape.width, shape.height))).rounded(.down)) }
    var imagesPerRow: Int { max(1, Int(Double(unitCount).squareRoot().rounded(.up))) }
    static let gap = 14.0
    static let captionHeight = 18.0
    static let margin = 20.0
    static let headerHeight = 44.0
    static let footerHeight = 40.0
    var cellWidth: Double { pixelSize * Double(shape.width) + Self.gap }
    var cellHeight: Double { pixelSize * Double(shape.height) + Self.captionHeight + Self.gap }
    var width: Double {
        max(2 * Self.margin + cellWidth * Double(imagesPerRow), 460, TextWidth.heading(title) + 2 * Self.margin)
    }
    var height: Double {
        let rows = (unitCount + imagesPerRow - 1) / imagesPerRow
        return Self.headerHeight + cellHeight * Double(rows) + Self.footerHeight
    }

    // MARK: Output

    /// The standalone SVG file: an XML declaration and `element()`.
    public func document() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element()
    }

    /// The bare `<svg>` element, ending in a newline, for inlining in an HTML page.
    public func element() -> String {
        let w = n(width)
        let h = n(height)
        let description =
            "\(unitCount) images, one per hidden unit of the first hidden layer: the unit's \(shape.pixelCount) incoming "
            + "weights (its bias left out) laid out as the \(shape.width)×\(shape.height) input image. Each image is scaled "
            + "by its own largest weight in size: black is that much negative, white that much positive, mid grey 0."
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            role="img" aria-labelledby="\(idPrefix)-title \(idPrefix)-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <title id="\(idPrefix)-title">\(XMLEscaping.escaped(title))</title>
            <desc id="\(idPrefix)-desc">\(XMLEscaping.escaped(description))</desc>
            <rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>
            <text x="\(n(width / 2))" y="26" text-anchor="middle" font-size="16" font-weight="bold">\(XMLEscaping.escaped(title))</text>

            """
        let gridWidth = cellWidth * Double(imagesPerRow) - Self.gap
        let gridLeft = (width - gridWidth) / 2
        for unit in 0..<unitCount {
            let left = gridLeft + cellWidth * Double(unit % imagesPerRow)
            let top = Self.headerHeight + cellHeight * Double(unit / imagesPerRow)
            out += self.unit(unit, left: left, top: top)
        }
        let y = height - Self.footerHeight / 2
        out += "<text class=\"key\" x=\"\(n(width / 2))\" y=\"\(n(y))\" text-anchor=\"middle\">"
        out += "black: the unit's most negative weight · mid grey: 0 · white: its most positive</text>\n"
        out += "</svg>\n"
        return out
    }

    private func unit(_ unit: Int, left: Double, top: Double) -> String {
        let image = self.image(unit: unit)
        let scale = image.pixels.filter(\.isFinite).map { Swift.abs($0) }.max() ?? 0
        var out =
            "<g class=\"hidden-unit\" id=\"\(idPrefix)-unit-\(unit + 1)\" data-unit=\"\(unit + 1)\" data-scale=\"\(JSONWriter.number(scale))\" shape-rendering=\"crispEdges\">\n"
        for row in 0..<image.height {
            for column in 0..<image.width {
                let grey = String(format: "%02x", Self.grey(image.pixel(row: row, column: column), scale: scale))
                out +=
                    "<rect class=\"pixel\" x=\"\(n(left + pixelSize * Double(column)))\" y=\"\(n(top + pixelSize * Double(row)))\" "
                out += "width=\"\(n(pixelSize))\" height=\"\(n(pixelSize))\" fill=\"#\(grey)\(grey)\(grey)\"/>\n"
            }
        }
        let bottom = top + pixelSize * Double(image.height)
        out +=
            "<rect class=\"frame\" x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(pixelSize * Double(image.width)))\" height=\"\(n(pixelSize * Double(image.height)))\" fill=\"none\" stroke=\"#999999\"/>\n"
        out +=
            "<text class=\"caption\" x=\"\(n(left + pixelSize * Double(image.width) / 2))\" y=\"\(n(bottom + 14))\" text-anchor=\"middle\">unit \(unit + 1)</text>\n"
        out += "</g>\n"
        return out
    }

    private func n(_ value: Double) -> String { TrainingCurvesSVG.n(value) }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
