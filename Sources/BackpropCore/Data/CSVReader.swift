/// Reads CSV (RFC 4180) and TSV into a `DataTable`.
///
/// What it accepts: a header row, then one record per line; fields separated by the
/// delimiter; a field in double quotes may hold the delimiter, line breaks and quotes written
/// twice (`"a ""b"", c"`); lines end in CRLF, LF or a lone CR; the last line may have no line
/// break; a UTF-8 byte-order mark at the start is skipped; blank lines are ignored. The
/// delimiter is a comma, or a tab for TSV (chosen by the caller, or detected from the header:
/// a tab and no comma outside quotes means TSV).
///
/// What it refuses, naming the line and the fix: an empty file, a quote left open, text after
/// a closing quote, a quote inside an unquoted field, a record with a different number of
/// fields than the header, an empty or repeated column name, text that is not UTF-8, and more
/// than `LessonLimits.maximumDataValues` cells.
public enum CSVReader {
    /// The field separator.
    public enum Delimiter: UInt8, Sendable {
        /// `,` (CSV).
        case comma = 0x2C
        /// Tab (TSV).
        case tab = 0x09
    }

    /// Records beyond the header: the three sets of a lesson at their limit.
    public static let maximumRecords = 3 * LessonLimits.maximumSamples

    /// Parses `bytes`, the whole file named `file` in errors; `delimiter` nil detects it.
    public static func read(_ bytes: [UInt8], file: String, delimiter: Delimiter? = nil) throws(DataError) -> DataTable
    {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let delimiter = delimiter ?? detect(bytes, from: start)
        let records = try parse(bytes, from: start, file: file, delimiter: delimiter)
        guard let first = records.first else {
            throw DataError.malformed(
                file: file, place: DataError.line(1), problem: "the file is empty",
                fix: "write a header row naming the columns, then one row per sample, e.g. \"x1,x2,label\"")
        }
        let header = first.fields
        // A dictionary, not a search per column: a hostile header may have millions of columns.
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.allSatisfy({ $0 == " " }) {
                throw DataError.malformed(
                    file: file, place: DataError.line(first.line),
                    problem: "column \(index + 1) of the header has no name",
                    fix: "the first row must name every column, e.g. \"x1,x2,label\"")
            }
            if let earlier = seen[name] {
                throw DataError.malformed(
                    file: file, place: DataError.line(first.line),
                    problem: "the header names columns \(earlier + 1) and \(index + 1) both \"\(name)\"",
                    fix: "give every column its own name")
            }
            seen[name] = index
        }
        for record in records.dropFirst() where record.fields.count != header.count {
            throw DataError.malformed(
                file: file, place: DataError.line(record.line),
                problem: "this row has \(counted(record.fields.count, "field")) but the header has \(header.count)",
                fix: "give every row one value per column (quote values that contain \(delimiterName(delimiter)))")
        }
        return DataTable(
            file: file, header: header, headerLine: first.line, cells: records.dropFirst().map(\.fields),
            rowLines: records.dropFirst().map(\.line))
    }

    /// "1 field", "3 fields".
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private static func delimiterName(_ delimiter: Delimiter) -> String {
        delimiter == .comma ? "commas" : "tabs"
    }

    /// Tab when the first record has a tab and no comma outside quotes, comma otherwise.
    static func detect(_ bytes: [UInt8], from start: Int) -> Delimiter {
        var inQuotes = false
        var sawTab = false
        for byte in bytes[start...] {
            switch byte {
            case 0x22: inQuotes.toggle()
            case 0x2C where !inQuotes: return .comma
            case 0x09 where !inQuotes: sawTab = true
            case 0x0A,
                0x0D where !inQuotes:
                return sawTab ? .tab : .comma
            default: break
            }
        }
        return sawTab ? .tab : .comma
    }

    /// One record: its fields and the line it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// The records of the file, blank lines left out.
    static func parse(_ bytes: [UInt8], from start: Int, file: String, delimiter: Delimiter) throws(DataError)
        -> [Record]
    {
        let separator = delimiter.rawValue
        let quote: UInt8 = 0x22
        let newline: UInt8 = 0x0A
        let carriageReturn: UInt8 = 0x0D
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        // Whether the record so far has a quoted field: `""` alone on a line is a record.
        var hasQuotedField = false
        var line = 1
        var recordLine = 1
        var cellCount = 0
        var i = start

        func fail(_ line: Int, _ problem: String, _ fix: String) -> DataError {
            .malformed(file: file, place: DataError.line(line), problem: problem, fix: fix)
        }
        func finishField() throws(DataError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw fail(line, "the text is not UTF-8", "save the file as UTF-8 (CSV UTF-8 in a spreadsheet)")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }
        func finishRecord() throws(DataError) {
            try finishField()
            defer {
                fields.removeAll(keepingCapacity: true)
                hasQuotedField = false
            }
            if fields.count == 1 && fields[0].isEmpty && !hasQuotedField { return }  // a blank line
            cellCount += fields.count
            guard records.count <= maximumRecords, cellCount <= LessonLimits.maximumDataValues else {
                throw fail(
                    recordLine,
                    "the file has more than \(maximumRecords) rows or \(LessonLimits.maximumDataValues) values",
                    "use fewer samples (at most \(LessonLimits.maximumSamples) in each of the training, validation and test sets)"
                )
            }
            records.append(Record(fields: fields, line: recordLine))
        }
        func endsField(_ index: Int) -> Bool {
            index >= bytes.count || bytes[index] == separator || bytes[index] == newline
                || bytes[index] == carriageReturn
        }

        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote && field.isEmpty && (i == start || endsField(i - 1)) {
                // A quoted field: up to the quote that is not doubled.
                let openLine = line
                hasQuotedField = true
                i += 1
                var isClosed = false
                while i < bytes.count {
                    let inner = bytes[i]
                    if inner == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        isClosed = true
                        i += 1
                        break
                    }
                    if inner == newline
                        || (inner == carriageReturn && !(i + 1 < bytes.count && bytes[i + 1] == newline))
                    {
                        line += 1
                    }
                    field.append(inner)
                    i += 1
                }
                guard isClosed else {
                    throw fail(
                        openLine, "a quote opened on this line is never closed",
                        "close the quoted field with \" (write a quote inside it as \"\")")
                }
                guard endsField(i) else {
                    throw fail(
                        line, "text follows a closing quote",
                        "put the whole field in quotes, and write a quote inside it as \"\"")
                }
                continue
            }
            switch byte {
            case separator:
                try finishField()
                i += 1
            case newline, carriageReturn:
                try finishRecord()
                i += (byte == carriageReturn && i + 1 < bytes.count && bytes[i + 1] == newline) ? 2 : 1
                line += 1
                recordLine = line
            case quote:
                throw fail(
                    line, "a quote inside a field that does not start with one",
                    "put the whole field in quotes, and write a quote inside it as \"\"")
            default:
                field.append(byte)
                i += 1
            }
        }
        if !field.isEmpty || !fields.isEmpty || hasQuotedField { try finishRecord() }
        return records
    }
}
