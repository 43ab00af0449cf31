import BackpropCore
import Testing

/// RFC 4180 CSV and TSV: what is accepted, and each refusal's line and fix.
@Suite("CSV reader")
struct CSVReaderTests {
    static func table(_ text: String, delimiter: CSVReader.Delimiter? = nil) throws -> DataTable {
        try CSVReader.read(Array(text.utf8), file: "d.csv", delimiter: delimiter)
    }

    static func error(_ bytes: [UInt8]) -> DataError? {
        do {
            _ = try CSVReader.read(bytes, file: "d.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; lines are counted")
    func quoted() throws {
        let table = try Self.table("a,b,label\r\n1,\"2,5\",\"say \"\"hi\"\"\"\r\n3,4,\"two\r\nlines\"\r\n5,6,x")
        #expect(table.header == ["a", "b", "label"])
        #expect(table.cells == [["1", "2,5", "say \"hi\""], ["3", "4", "two\r\nlines"], ["5", "6", "x"]])
        #expect(table.rowLines == [2, 3, 5])
    }

    @Test("LF, CRLF and CR line ends, with or without a final one, and blank lines, read alike")
    func lineEnds() throws {
        let expected = [["1", "2"], ["3", "4"]]
        for text in ["x,y\n1,2\n3,4\n", "x,y\r\n1,2\r\n3,4", "x,y\r1,2\r3,4\r", "x,y\n\n1,2\n\n3,4\n\n"] {
            let table = try Self.table(text)
            #expect(table.header == ["x", "y"], "\(text.debugDescription)")
            #expect(table.cells == expected, "\(text.debugDescription)")
        }
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        let table = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("x,y\n1,2\n".utf8), file: "d.csv")
        #expect(table.header == ["x", "y"])
    }

    @Test("TSV is detected from the header, and read when asked for")
    func tabs() throws {
        #expect(try Self.table("x\ty\tz\n1\t2,5\t3\n").cells == [["1", "2,5", "3"]])
        #expect(try Self.table("x\ty\n1\t2\n", delimiter: .tab).header == ["x", "y"])
        #expect(try Self.table("x,y\n1,2\n", delimiter: .comma).header == ["x", "y"])
    }

    @Test("numbers: spaces around them are fine; NaN, inf and empty cells are not numbers")
    func numbers() throws {
        let table = try Self.table("a,b\n 1.5 ,-2e3\nNaN,inf\n,x\n")
        #expect(DataTable.number(table.cells[0][0]) == 1.5)
        #expect(DataTable.number(table.cells[0][1]) == -2000)
        #expect(DataTable.number(table.cells[1][0]) == nil)
        #expect(DataTable.number(table.cells[1][1]) == nil)
        #expect(DataTable.number(table.cells[2][0]) == nil)
        #expect(!table.isNumeric(column: 0))
        #expect(
            throws: DataError.malformed(
                file: "d.csv", place: "line 3", problem: "column \"a\" holds \"NaN\", which is not a number",
                fix:
                    "feature columns must hold numbers in every row: fill in or remove that row, or choose the columns with --features"
            )
        ) { try table.numbers(column: 0) }
    }

    @Test(
        "hostile files are refused with the line and a fix",
        arguments: [
            ("", "line 1", "the file is empty"),
            ("\n\n", "line 1", "the file is empty"),
            ("a,b\n1,2\n3\n", "line 3", "this row has 1 field but the header has 2"),
            ("a,b\n1,2,3\n", "line 2", "this row has 3 fields but the header has 2"),
            ("a,b\n1,\"2\n3,4\n", "line 2", "a quote opened on this line is never closed"),
            ("a,b\n1,\"2\"x\n", "line 2", "text follows a closing quote"),
            ("a,b\n1,2\"\n", "line 2", "a quote inside a field that does not start with one"),
            ("a,a\n1,2\n", "line 1", "the header names columns 1 and 2 both \"a\""),
            ("a,,c\n1,2,3\n", "line 1", "column 2 of the header has no name"),
        ])
    func hostile(_ text: String, _ place: String, _ problem: String) throws {
        let error = try #require(Self.error(Array(text.utf8)), "\(text.debugDescription) was accepted")
        guard case .malformed(let file, let gotPlace, let gotProblem, let fix) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(file == "d.csv")
        #expect(gotPlace == place, "\(text.debugDescription)")
        #expect(gotProblem == problem, "\(text.debugDescription)")
        #expect(!fix.isEmpty)
    }

    @Test("a header of 200,000 columns is checked in linear time")
    func wideHeader() throws {
        let header = (0..<200_000).map { "c\($0)" }.joined(separator: ",")
        let error = try #require(Self.error(Array((header + ",c7\n1\n").utf8)))
        #expect(error.description.hasPrefix("d.csv: line 1: the header names columns 8 and 200001 both \"c7\""))
    }

    @Test("text that is not UTF-8 is refused with its line")
    func notUTF8() throws {
        let error = try #require(Self.error(Array("a,b\n1,2\n".utf8) + [0xFF, 0x2C, 0x31, 0x0A]))
        #expect(error.description.hasPrefix("d.csv: line 3: the text is not UTF-8"))
    }
}
