import BackpropCore
import Foundation
import Testing

/// Octave's text format and level-5 `.mat` files, on files Octave 7.3 wrote
/// (Fixtures/Data/make_fixtures.m), compared with the literal values in that script.
@Suite("Matrix files")
struct MatrixFileTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Data")

    static func read(_ name: String) throws -> MatrixFile {
        try MatrixFileReader.read(atPath: directory.appendingPathComponent(name).path, displayName: name)
    }

    @Test(
        "the small variables, in the text format and both .mat versions",
        arguments: [
            "small.txt", "small-v6.mat", "small-v7.mat",
        ])
    func small(_ name: String) throws {
        let file = try Self.read(name)
        #expect(file.matrices.map(\.name) == ["X", "y", "z", "k", "L"])
        #expect(file.matrix(named: "X")?.values == Matrix([[1.5, -2.25], [0.125, 3], [1e-3, -7.75]]))
        #expect(file.matrix(named: "y")?.values == Matrix([[3], [1], [2]]))
        #expect(file.matrix(named: "z")?.values == Matrix([[42]]))
        #expect(file.matrix(named: "k")?.values == Matrix([[-300, 7], [12, -1]]))
        #expect(file.matrix(named: "L")?.values == Matrix([[1, 0, 1]]))
        var skipped = ["s (struct)", "c (cell)", "t (char)", "sp (sparse)"]
        if name.hasSuffix(".txt") { skipped.append("f (function handle)") }
        #expect(file.skipped.map(\.description) == skipped)
    }

    @Test("rows of the text format keep their lines; .mat variables their byte offset")
    func places() throws {
        let text = try #require(try Self.read("small.txt").matrix(named: "X"))
        #expect(text.rowLines == [6, 7, 8])
        #expect(text.place(ofRow: 2) == .line(8))
        let mat = try #require(try Self.read("small-v6.mat").matrix(named: "X"))
        #expect(mat.place == .variable("X", byte: 128))
    }

    @Test("ex4-like data: the compressed .mat and the text file hold the same numbers")
    func ex4Data() throws {
        let mat = try Self.read("ex4-data.mat")
        let text = try Self.read("ex4-data.txt")
        let x = try #require(mat.matrix(named: "X"))
        #expect(x.values.rows == 20 && x.values.columns == 6)
        #expect(x.values == text.matrix(named: "X")?.values)
        #expect(mat.matrix(named: "y")?.values.column(0) == (0..<20).map { Double($0 % 4 + 1) })
        let weights = try Self.read("ex4-weights.mat")
        #expect(weights.matrices.map { $0.values.shapeDescription } == ["5 × 7", "4 × 6"])
    }

    static func error(_ bytes: [UInt8]) -> DataError? {
        do {
            _ = try MatrixFileReader.read(bytes, file: "f")
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a .mat file cut anywhere is refused, never read wrong or crashed on",
        arguments: [
            "small-v6.mat", "small-v7.mat",
        ])
    func truncatedMAT(_ name: String) throws {
        let bytes = try DataFile.bytes(atPath: Self.directory.appendingPathComponent(name).path, displayName: name)
        for cut in stride(from: 1, to: bytes.count, by: 7) {
            let prefix = Array(bytes.prefix(cut))
            if let file = try? MatrixFileReader.read(prefix, file: "f") {
                // A cut between variables leaves a shorter, valid file.
                #expect(file.matrices.count + file.skipped.count < 9, "cut at \(cut)")
            }
        }
        #expect(Self.error(Array(bytes.prefix(200))) != nil)
    }

    @Test("damaged .mat files: flipped bytes are refused or read, never crash")
    func flippedBytes() throws {
        let bytes = try DataFile.bytes(
            atPath: Self.directory.appendingPathComponent("small-v7.mat").path, displayName: "small-v7.mat")
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var damaged = bytes
            let index = 128 + generator.nextIndex(below: bytes.count - 128)
            damaged[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            _ = Self.error(damaged)
        }
    }

    @Test("a variable announcing too many numbers is refused before it is read")
    func hugeAnnounced() throws {
        var bytes = try DataFile.bytes(
            atPath: Self.directory.appendingPathComponent("small-v6.mat").path, displayName: "small-v6.mat")
        // X's dimensions: the int32 pair after the 16 bytes of array flags (tag at 128 + 8).
        let dims = 128 + 8 + 16 + 8
        bytes[dims] = 0xFF
        bytes[dims + 1] = 0xFF
        bytes[dims + 2] = 0xFF
        bytes[dims + 3] = 0x00
        let error = try #require(Self.error(bytes))
        #expect(error.description.hasPrefix("f: variable X, byte 128: X is 16777215 × 2, more than 5000000 numbers"))
    }

    @Test("a function handle stored in a .mat file (class 16) is skipped by name")
    func functionHandleClass() throws {
        var header = Array("MATLAB 5.0 MAT-file, hand made".utf8)
        header +=
            Array(repeating: 0x20, count: 116 - header.count) + Array(repeating: 0, count: 8) + [
                0x00, 0x01, 0x49, 0x4D,
            ]
        func u32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let body =
            u32(6) + u32(8) + u32(16) + u32(0)  // array flags: class 16
            + u32(5) + u32(8) + u32(1) + u32(1)  // dimensions 1 × 1
            + u32(1 | 1 << 16) + [0x66, 0, 0, 0]  // name "f", a small element
        let file = try MATReader.read(header + u32(14) + u32(body.count) + body, file: "f.mat")
        #expect(file.skipped == [.init(name: "f", kind: "function handle")])
    }

    @Test(
        "Octave text hostile cases name the line",
        arguments: [
            (
                "# name: X\n# type: matrix\n# rows: 2\n# columns: 2\n 1 2\n 3\n", "line 6",
                "row 2 of X has 1 numbers, expected 2"
            ),
            ("# name: X\n# type: matrix\n# rows: 2\n# columns: 2\n 1 2\n", "line 5", "X ends after 1 of its 2 rows"),
            (
                "# name: X\n# type: matrix\n# rows: 99999\n# columns: 99\n", "line 4",
                "\"# columns: 99\" announces more than 5000000 numbers"
            ),
            ("# name: X\n# type: scalar\nNaN\n", "line 3", "X holds NaN, which a lesson cannot use"),
            ("# name: X\n# type: scalar\nabc\n", "line 3", "\"abc\" in X is not a number"),
            ("# name: X\n# rows: 1\n", "line 2", "expected \"# type: …\", found \"# rows: 1\""),
            ("hello\n", "line 1", "expected \"# name: …\" to start a variable, found \"hello\""),
        ])
    func octaveHostile(_ text: String, _ place: String, _ problem: String) throws {
        let error = try #require(Self.error(Array(text.utf8)))
        guard case .malformed(_, let gotPlace, let gotProblem, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(gotPlace == place)
        #expect(gotProblem == problem)
    }

    @Test("cells nested thousands deep are refused, not a stack overflow")
    func deepNesting() throws {
        let cell = "# name: <cell-element>\n# type: cell\n# rows: 1\n# columns: 1\n"
        let text = "# name: c\n# type: cell\n# rows: 1\n# columns: 1\n" + String(repeating: cell, count: 5_000)
        let error = try #require(Self.error(Array(text.utf8)))
        #expect(error.description.contains("nested more than 64 deep"))
    }

    @Test("a symbolic link to a 1 GB file is refused by its size before reading")
    func hugeSymlink() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = directory.appendingPathComponent("big.bin")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let link = directory.appendingPathComponent("data.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: big)
        #expect(
            throws: DataError.unreadable(
                file: "data.csv",
                reason:
                    "the file has 1073741824 bytes, more than the limit of 67108864; use fewer samples (at most 20000 per set), or write numbers with fewer digits"
            )
        ) { try DataFile.bytes(atPath: link.path, displayName: "data.csv") }
    }
}
