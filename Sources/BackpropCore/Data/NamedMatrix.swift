/// A matrix read from a learner's file, with its name and where it came from.
///
/// `values` is the engine's row-major `Matrix`: `values[i, j]` is row i, column j, 0-based,
/// whatever the file's own order (Octave and MATLAB store columns first; the readers
/// transpose as they read). In ex4's layout rows are samples: X is m × n, y is m × 1, and
/// Θ⁽ˡ⁾ is s₍ₗ₊₁₎ × (sₗ + 1) with column 0 the bias weights.
public struct NamedMatrix: Equatable, Sendable {
    /// The variable's name (`X`, `Theta1`).
    public var name: String
    /// The numbers, row-major.
    public var values: Matrix
    /// Where the variable starts in its file.
    public var place: DataPlace
    /// The file's line of each row, when the file is text with one row per line; empty otherwise.
    public var rowLines: [Int]

    /// A matrix named `name` read at `place`.
    public init(name: String, values: Matrix, place: DataPlace, rowLines: [Int] = []) {
        self.name = name
        self.values = values
        self.place = place
        self.rowLines = rowLines
    }

    /// Where row `row` (0-based) came from: its line when known, else the variable's place.
    public func place(ofRow row: Int) -> DataPlace {
        row < rowLines.count ? .line(rowLines[row]) : place
    }
}

/// The variables of an Octave text file or a `.mat` file: the numeric matrices, in file
/// order, and the variables that were skipped because they are not plain numbers.
public struct MatrixFile: Equatable, Sendable {
    /// A variable the reader did not turn into a matrix, and what it is.
    public struct Skipped: Equatable, Sendable, CustomStringConvertible {
        /// Its name in the file.
        public var name: String
        /// What it is, e.g. `struct`, `cell`, `function handle`, `char`, `sparse`, `complex`.
        public var kind: String

        /// A skipped variable.
        public init(name: String, kind: String) {
            self.name = name
            self.kind = kind
        }

        /// `s (struct)`.
        public var description: String { "\(name) (\(kind))" }
    }

    /// The numeric matrices, in file order (scalars are 1 × 1).
    public var matrices: [NamedMatrix]
    /// The variables skipped, in file order.
    public var skipped: [Skipped]

    /// File contents.
    public init(matrices: [NamedMatrix], skipped: [Skipped]) {
        self.matrices = matrices
        self.skipped = skipped
    }

    /// The matrix called `name`, if the file has one.
    public func matrix(named name: String) -> NamedMatrix? {
        matrices.first { $0.name == name }
    }
}
