import BackpropCore
import Foundation

/// A `DecisionMap` as lines of text for the terminal: two characters per cell (so cells look
/// square), the samples on top, the input ranges on the axes and a key. Plain Unicode, no
/// colour: it reads on a washed-out projector and in a log file.
///
/// Row 0 of the map is the top line (the largest x₂), as in the map. With two classes a cell
/// is `██` (class 1, output ≥ 0.75), `▓▓` (class 1, below 0.75), `░░` (class 0, above 0.25) or
/// blank (class 0, ≤ 0.25); with more, the class's letter (A for the first class), in capitals
/// where the winning output's strength (as `DecisionMapSVG` shades it) is at least ½. A cell
/// holding samples shows `●` (class 1) or `○` (class 0), or `•` and the letter of their class
/// with more classes, and `✱` when samples of different classes share it.
public struct DecisionMapBlocks: Sendable {
    /// The class names, one per class (`Lesson.classNames`).
    public var classNames: [String]
    /// The names of x₁ and x₂.
    public var inputNames: [String]

    /// A renderer.
    public init(classNames: [String], inputNames: [String]) {
        self.classNames = classNames
        self.inputNames = inputNames
    }

    /// Whether a cell's two-class output is far enough from 0.5 to be drawn full (`██` or blank).
    static let sureDistance = 0.25

    /// The lines of `map` with `samples` (inputs and their target classes), without a final newline.
    public func render(_ map: DecisionMap, samples: [(x: [Double], targetClass: Int)]) -> String {
        let binary = classNames.count <= 2
        var grid: [[String]] = (0..<map.rows).map { row in
            (0..<map.columns).map { column in
                let cell = map.cell(row: row, column: column)
                if binary {
                    let sure = Swift.abs(cell.value - 0.5) >= Self.sureDistance
                    return cell.predictedClass == 1 ? (sure ? "██" : "▓▓") : (sure ? "  " : "░░")
                }
                let letter = Self.letter(cell.predictedClass)
                let chance = 1 / Double(classNames.count)
                let strong = (cell.value - chance) / (1 - chance) >= 0.5
                let shown = strong ? letter : letter.lowercased()
                return shown + shown
            }
        }
        // Samples, by the cell they fall in.
        var classesAt: [[Int?]] = Array(repeating: Array(repeating: nil, count: map.columns), count: map.rows)
        var mixed: [[Bool]] = Array(repeating: Array(repeating: false, count: map.columns), count: map.rows)
        let x1 = map.x1Range
        let x2 = map.x2Range
        for sample in samples where sample.x.count == 2 {
            let u = (sample.x[0] - x1.lowerBound) / (x1.upperBound - x1.lowerBound)
            let v = (x2.upperBound - sample.x[1]) / (x2.upperBound - x2.lowerBound)
            guard u.isFinite, v.isFinite, u >= 0, u <= 1, v >= 0, v <= 1 else { continue }
            let column = min(Int(u * Double(map.columns)), map.columns - 1)
            let row = min(Int(v * Double(map.rows)), map.rows - 1)
            if let existing = classesAt[row][column], existing != sample.targetClass { mixed[row][column] = true }
            classesAt[row][column] = sample.targetClass
        }
        for row in 0..<map.rows {
            for column in 0..<map.columns {
                guard let target = classesAt[row][column] else { continue }
                if mixed[row][column] {
                    grid[row][column] = "✱ "
                } else if binary {
                    grid[row][column] = target == 1 ? "● " : "○ "
                } else {
                    grid[row][column] = "•" + Self.letter(target)
                }
            }
        }
        let names = inputNames.count == 2 ? inputNames : ["x₁", "x₂"]
        let top = JSONWriter.number(Self.rounded(x2.upperBound))
        let bottom = JSONWriter.number(Self.rounded(x2.lowerBound))
        let labelWidth = max(top.count, bottom.count)
        func pad(_ text: String) -> String { String(repeating: " ", count: labelWidth - text.count) + text }
        var lines = [
            "decision map after training: \(ControlCharacters.escaped(names[1])) up, \(ControlCharacters.escaped(names[0])) across"
        ]
        let rule = String(repeating: "─", count: 2 * map.columns)
        lines.append(String(repeating: " ", count: labelWidth) + " ┌" + rule + "┐")
        for row in 0..<map.rows {
            let label =
                row == 0 ? pad(top) : row == map.rows - 1 ? pad(bottom) : String(repeating: " ", count: labelWidth)
            lines.append(label + " │" + grid[row].joined() + "│")
        }
        lines.append(String(repeating: " ", count: labelWidth) + " └" + rule + "┘")
        let left = JSONWriter.number(Self.rounded(x1.lowerBound))
        let right = JSONWriter.number(Self.rounded(x1.upperBound))
        let gap = max(1, 2 * map.columns + 2 - left.count - right.count)
        lines.append(String(repeating: " ", count: labelWidth + 1) + left + String(repeating: " ", count: gap) + right)
        lines.append(contentsOf: key(binary: binary))
        return lines.joined(separator: "\n")
    }

    private func key(binary: Bool) -> [String] {
        let names = classNames.map(ControlCharacters.escaped)
        if binary {
            let zero = names.first ?? "0"
            let one = names.count > 1 ? names[1] : "1"
            return [
                "██ \(one) (output ≥ 0.75)  ▓▓ \(one) (0.5–0.75)  ░░ \(zero) (0.25–0.5)  blank: \(zero) (< 0.25)",
                "samples: ● \(one)  ○ \(zero)  ✱ both in one cell",
            ]
        }
        var lines = ["capitals: the predicted class, sure; small letters: less sure; •X: a sample of class X; ✱ mixed"]
        let entries = names.indices.map { "\(Self.letter($0)) \(names[$0])" }
        var line = ""
        for entry in entries {
            if line.count + entry.count + 2 > 78 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : "  ") + entry
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A (class 0) … Z, then the class number.
    static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "\(index + 1)"
    }

    /// An axis end with 3 significant digits.
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let text = String(format: "%.3g", value)
        return Double(text) ?? value
    }
}
