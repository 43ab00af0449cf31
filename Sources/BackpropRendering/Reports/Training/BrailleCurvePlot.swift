/// A `CurvePlot` drawn in the terminal with Braille dots (2 × 4 dots per character), with a
/// y axis of tick labels, an x axis with tick labels and its name, and a legend.
///
/// Solid series are Braille lines; a dashed series (validation) is drawn as `•` in the cells its
/// line passes through, two cells on and two off, on top of the solid ones, so the curves stay
/// apart without colour even where they overlap (F15); with colour each series also has its own
/// (a Braille cell holding dots of several solid series takes the first one's).
/// The size is fixed (60 × 12 characters for the plot area, 73 columns in all), never the
/// terminal's width, so the output is the same everywhere.
public struct BrailleCurvePlot: Sendable {
    /// Characters across the plot area.
    public var columns = 60
    /// Text rows of the plot area.
    public var rows = 12
    /// Whether to colour the curves (ANSI).
    public var usesColor = false

    /// ANSI colours per series, in order: blue, yellow, magenta, cyan.
    static let colorCodes = ["34", "33", "35", "36"]
    /// Braille dot bits by (dot column 0–1, dot row 0–3): U+2800 + the sum of a cell's bits.
    static let dotBits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// A plot `columns` × `rows` characters, coloured or not.
    public init(columns: Int = 60, rows: Int = 12, usesColor: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.usesColor = usesColor
    }

    /// The dot grid of one series: `dots[row][column]` in dot coordinates, row 0 at the top.
    func dots(_ series: CurveSeries, plot: CurvePlot) -> [[Bool]] {
        let width = columns * 2
        let height = rows * 4
        var grid = Array(repeating: Array(repeating: false, count: width), count: height)
        func place(_ point: (x: Double, y: Double)) -> (Int, Int)? {
            guard point.x.isFinite, point.y.isFinite else { return nil }
            let fx = plot.xAxis.fraction(point.x)
            let fy = plot.yAxis.fraction(point.y)
            guard fx.isFinite, fy.isFinite else { return nil }
            let column = Int((min(max(fx, -1), 2) * Double(width - 1)).rounded())
            let row = Int(((1 - min(max(fy, -1), 2)) * Double(height - 1)).rounded())
            return (min(max(column, 0), width - 1), min(max(row, 0), height - 1))
        }
        func mark(_ column: Int, _ row: Int) {
            if series.stroke == .dashed && (column / 4) % 2 == 1 { return }
            grid[row][column] = true
        }
        var previous: (Int, Int)?
        for point in series.points {
            guard let current = place(point) else {
                previous = nil
                continue
            }
            if let (c0, r0) = previous {
                // Join to the previous dot: every column between, and every row the step spans.
                let (c1, r1) = current
                let steps = max(abs(c1 - c0), 1)
                for s in 0...steps {
                    let t = Double(s) / Double(steps)
                    let column = c0 + Int((Double(c1 - c0) * t).rounded())
                    let rowStart = Double(r0) + Double(r1 - r0) * max(t - 0.5 / Double(steps), 0)
                    let rowEnd = Double(r0) + Double(r1 - r0) * min(t + 0.5 / Double(steps), 1)
                    let low = Int(min(rowStart, rowEnd).rounded())
                    let high = Int(max(rowStart, rowEnd).rounded())
                    for row in low...high { mark(column, row) }
                }
            } else {
                mark(current.0, current.1)
            }
            previous = current
        }
        return grid
    }

    /// The plot as text lines (no trailing newline on the last one).
    public func render(_ plot: CurvePlot) -> String {
        let grids = plot.series.map { dots($0, plot: plot) }
        let yLabels = plot.yAxis.ticks.map(plot.yAxis.label)
        let labelWidth = max(yLabels.map(\.count).max() ?? 0, 1)
        // The text row each y tick sits on (nearest row to its position).
        var tickRows: [Int: String] = [:]
        for (tick, label) in zip(plot.yAxis.ticks, yLabels) {
            let position = ((1 - plot.yAxis.fraction(tick)) * Double(rows * 4 - 1) / 4).rounded(.down)
            guard position.isFinite else { continue }
            let row = Int(min(max(position, -1), Double(rows)))
            tickRows[min(max(row, 0), rows - 1)] = label
        }
        var lines: [String] = []
        lines.append(plot.yName + "  " + legend(plot))
        for row in 0..<rows {
            let label = tickRows[row] ?? ""
            var line = String(repeating: " ", count: labelWidth - label.count) + label
            line += tickRows[row] == nil ? " │" : " ┤"
            for column in 0..<columns {
                var bits: UInt32 = 0
                var owner: Int?
                if let marked = plot.series.indices.first(where: { index in
                    plot.series[index].stroke == .dashed && (0..<4).contains { dy in
                        (0..<2).contains { dx in grids[index][row * 4 + dy][column * 2 + dx] }
                    }
                }) {
                    line += colored(Self.marker, series: marked)
                    continue
                }
                for (index, grid) in grids.enumerated() where plot.series[index].stroke == .solid {
                    var cellBits: UInt32 = 0
                    for dy in 0..<4 {
                        for dx in 0..<2 where grid[row * 4 + dy][column * 2 + dx] {
                            cellBits |= Self.dotBits[dx][dy]
                        }
                    }
                    if cellBits != 0 && owner == nil { owner = index }
                    bits |= cellBits
                }
                guard bits != 0, let scalar = Unicode.Scalar(0x2800 + bits) else {
                    line += " "
                    continue
                }
                line += colored(String(Character(scalar)), series: owner ?? 0)
            }
            lines.append(line.trimmingTrailingSpaces())
        }
        lines += xAxisLines(plot, indent: labelWidth + 1)
        return lines.joined(separator: "\n")
    }

    /// The character a dashed series is drawn with.
    static let marker = "•"

    /// `⠤⠤⠤⠤ training cost   ••  •• validation cost` in the series' strokes (and colours).
    func legend(_ plot: CurvePlot) -> String {
        plot.series.enumerated().map { index, series in
            let sample = series.stroke == .solid ? "⠤⠤⠤⠤" : "••  ••"
            return colored(sample, series: index) + " " + series.name
        }.joined(separator: "   ")
    }

    /// The x axis line with ticks, the tick labels under them and the axis name.
    func xAxisLines(_ plot: CurvePlot, indent: Int) -> [String] {
        var axis = Array(repeating: "─", count: columns)
        var labels = Array(repeating: Character(" "), count: columns + 12)
        var lastEnd = -1
        for tick in plot.xAxis.ticks {
            let position = (plot.xAxis.fraction(tick) * Double(columns * 2 - 1) / 2).rounded(.down)
            guard position.isFinite, position >= 0, position < Double(columns) else { continue }
            let column = Int(position)
            guard (0..<columns).contains(column) else { continue }
            axis[column] = "┬"
            let text = Array(plot.xAxis.label(tick))
            let start = max(column - text.count / 2, 0)
            guard start > lastEnd, start + text.count <= labels.count else { continue }
            for (offset, character) in text.enumerated() { labels[start + offset] = character }
            lastEnd = start + text.count
        }
        let pad = String(repeating: " ", count: indent)
        let name = String(repeating: " ", count: max((columns - plot.xLabel.count) / 2, 0)) + plot.xLabel
        return [
            pad + "└" + axis.joined(),
            (pad + " " + String(labels)).trimmingTrailingSpaces(),
            (pad + " " + name).trimmingTrailingSpaces(),
        ]
    }

    private func colored(_ text: String, series: Int) -> String {
        guard usesColor else { return text }
        return "\u{1B}[\(Self.colorCodes[series % Self.colorCodes.count])m" + text + "\u{1B}[0m"
    }
}
