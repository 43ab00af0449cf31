/// Reads MATLAB level-5 `.mat` files (`save -v6`, and `save -v7`, whose variables are
/// compressed with zlib), as MATLAB's "MAT-File Format" (R2024a) describes them.
///
/// The file is a 128-byte header (text, subsystem offset, version 0x0100, the endian mark
/// `IM` for little-endian or `MI` for big-endian) and then data elements, each an 8-byte tag
/// (type, byte count) and its data padded to 8 bytes, or a 4-byte "small element" tag with
/// up to 4 bytes of data. A variable is an `miMATRIX` element (array flags with the class,
/// dimensions, name, real part), or an `miCOMPRESSED` element (not padded) whose inflated
/// bytes hold one. Read as matrices: two-dimensional real arrays of class double, single and
/// every integer class (uint8 labels become numbers), logical arrays included; the values,
/// stored column by column in any numeric type, are transposed into a row-major `Matrix`.
/// Skipped and reported: cells, structs, objects, char, sparse, function handles and other
/// opaque classes, complex arrays and arrays of more than two dimensions.
///
/// Sizes are checked against the bytes present before anything is read, a variable of more
/// than `LessonLimits.maximumDataValues` numbers is refused before it is allocated, and a
/// compressed variable is never inflated past 8 bytes per allowed number (plus room for its
/// tags and name).
public struct MATReader {
    /// How the file is named in errors.
    public let file: String
    private let isBigEndian: Bool

    /// Reads `bytes`, the whole file, named `file` in errors.
    public static func read(_ bytes: [UInt8], file: String) throws(DataError) -> MatrixFile {
        let fix = "save the variables from Octave or MATLAB with `save -v7 file.mat X y` (or -v6)"
        guard bytes.count >= 128 else {
            throw DataError.malformed(
                file: file, place: DataError.byte(bytes.count),
                problem: "the file is shorter than a .mat header (128 bytes)",
                fix: fix)
        }
        let headerText = String(decoding: bytes[0..<116], as: UTF8.self)
        if headerText.hasPrefix("MATLAB 7.3") {
            throw DataError.malformed(
                file: file, place: DataError.byte(0),
                problem: "this is a version 7.3 (HDF5) .mat file, which is not read",
                fix: "save it again with `save -v7 file.mat X y`")
        }
        guard headerText.hasPrefix("MATLAB 5.0") else {
            throw DataError.malformed(
                file: file, place: DataError.byte(0), problem: "the file does not start with a level-5 .mat header",
                fix: fix)
        }
        let mark = (bytes[126], bytes[127])
        let isBigEndian: Bool
        switch mark {
        case (0x49, 0x4D): isBigEndian = false  // "IM": 0x4D49 written little-endian
        case (0x4D, 0x49): isBigEndian = true
        default:
            throw DataError.malformed(
                file: file, place: DataError.byte(126), problem: "the endian mark is neither IM nor MI", fix: fix)
        }
        let reader = MATReader(file: file, isBigEndian: isBigEndian)
        var matrices: [NamedMatrix] = []
        var skipped: [MatrixFile.Skipped] = []
        var offset = 128
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else {
                if bytes[offset...].allSatisfy({ $0 == 0 }) { break }  // padding at the end
                throw reader.fail(
                    offset, nil, "the file ends inside a data element's tag", "the file is cut short; \(fix)")
            }
            let (type, size) = reader.tag(bytes, at: offset)
            let dataStart = offset + 8
            guard size <= bytes.count - dataStart else {
                throw reader.fail(
                    offset, nil, "a data element announces \(size) bytes but only \(bytes.count - dataStart) remain",
                    "the file is cut short; \(fix)")
            }
            switch type {
            case DataType.matrix:
                let variable = try reader.matrix(bytes, from: dataStart, count: size, fileOffset: offset)
                switch variable {
                case .matrix(let matrix): matrices.append(matrix)
                case .skipped(let skip): skipped.append(skip)
                }
                offset = dataStart + (size + 7) / 8 * 8
            case DataType.compressed:
                let limit = 8 * LessonLimits.maximumDataValues + 65_536
                let inflated: [UInt8]
                do {
                    inflated = try Inflater.inflateZlib(Array(bytes[dataStart..<dataStart + size]), limit: limit)
                } catch {
                    throw reader.fail(
                        dataStart + error.offset, nil, "a compressed variable is damaged: \(error.problem)",
                        "the file is damaged or cut short; \(fix)")
                }
                var inner = 0
                while inner + 8 <= inflated.count {
                    let (innerType, innerSize) = reader.tag(inflated, at: inner)
                    guard innerType == DataType.matrix, innerSize <= inflated.count - inner - 8 else {
                        throw reader.fail(
                            offset, nil,
                            "a compressed element does not hold a variable (type \(innerType), \(innerSize) bytes)",
                            fix)
                    }
                    switch try reader.matrix(inflated, from: inner + 8, count: innerSize, fileOffset: offset) {
                    case .matrix(let matrix): matrices.append(matrix)
                    case .skipped(let skip): skipped.append(skip)
                    }
                    inner += 8 + (innerSize + 7) / 8 * 8
                }
                offset = dataStart + size
            default:
                throw reader.fail(
                    offset, nil,
                    "a top-level data element has type \(type), not a variable (14) or compressed variable (15)",
                    fix)
            }
        }
        return MatrixFile(matrices: matrices, skipped: skipped)
    }

    /// The data types of the format's table 1-1 that this reader uses.
    enum DataType {
        static let int8 = 1, uint8 = 2, int16 = 3, uint16 = 4, int32 = 5, uint32 = 6, single = 7, double = 9
        static let int64 = 12, uint64 = 13, matrix = 14, compressed = 15

        /// Bytes per value of a numeric type, nil for others.
        static func width(_ type: Int) -> Int? {
            switch type {
            case int8, uint8: return 1
            case int16, uint16: return 2
            case int32, uint32, single: return 4
            case double, int64, uint64: return 8
            default: return nil
            }
        }
    }

    /// The array classes (table 1-3): what a skipped one is called.
    static func className(_ code: Int) -> String? {
        switch code {
        case 1: return "cell"
        case 2: return "struct"
        case 3: return "object"
        case 4: return "char"
        case 5: return "sparse"
        case 16: return "function handle"
        case 17: return "opaque (a function handle or class object)"
        default: return nil
        }
    }

    enum Variable {
        case matrix(NamedMatrix)
        case skipped(MatrixFile.Skipped)
    }

    // MARK: Elements

    func fail(_ offset: Int, _ variable: String?, _ problem: String, _ fix: String) -> DataError {
        let place = variable.map { "variable \($0), byte \(offset)" } ?? DataError.byte(offset)
        return .malformed(file: file, place: place, problem: problem, fix: fix)
    }

    func uint32(_ bytes: [UInt8], at offset: Int) -> Int {
        let (b0, b1, b2, b3) = (
            Int(bytes[offset]), Int(bytes[offset + 1]), Int(bytes[offset + 2]), Int(bytes[offset + 3])
        )
        return isBigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0
    }

    func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<8 {
            let byte = UInt64(bytes[offset + (isBigEndian ? k : 7 - k)])
            value = value << 8 | byte
        }
        return value
    }

    /// An element's type and byte count at `offset` (8 bytes must be there). A small
    /// element's count is in the upper half of the first word; its data starts at offset + 4.
    func tag(_ bytes: [UInt8], at offset: Int) -> (type: Int, size: Int) {
        let first = uint32(bytes, at: offset)
        if first >> 16 != 0 { return (first & 0xFFFF, first >> 16) }
        return (first, uint32(bytes, at: offset + 4))
    }

    /// A sub-element of a variable inside `bytes[..<end]`: its type, where its data starts,
    /// its byte count, and where the next one starts.
    func subelement(_ bytes: [UInt8], at offset: Int, end: Int, fileOffset: Int, variable: String?, what: String)
        throws(DataError) -> (type: Int, data: Int, size: Int, next: Int)
    {
        let fix = "the file is damaged; save it again with `save -v7 file.mat X y`"
        guard offset + 8 <= end else {
            throw fail(fileOffset, variable, "the variable ends before its \(what)", fix)
        }
        let first = uint32(bytes, at: offset)
        if first >> 16 != 0 {
            let size = first >> 16
            guard size <= 4 else {
                throw fail(fileOffset, variable, "its \(what) is a small element of \(size) bytes", fix)
            }
            return (first & 0xFFFF, offset + 4, size, offset + 8)
        }
        let size = uint32(bytes, at: offset + 4)
        guard size <= end - offset - 8 else {
            throw fail(fileOffset, variable, "its \(what) announces \(size) bytes, more than the variable holds", fix)
        }
        return (first, offset + 8, size, offset + 8 + (size + 7) / 8 * 8)
    }

    /// The variable whose miMATRIX data is `bytes[start..<start + count]`.
    func matrix(_ bytes: [UInt8], from start: Int, count: Int, fileOffset: Int) throws(DataError) -> Variable {
        let end = start + count
        if count == 0 { return .skipped(.init(name: "(unnamed)", kind: "empty")) }
        let flags = try subelement(
            bytes, at: start, end: end, fileOffset: fileOffset, variable: nil, what: "array flags")
        guard flags.type == DataType.uint32, flags.size == 8 else {
            throw fail(fileOffset, nil, "a variable's array flags are not 8 bytes of uint32", "save the file again")
        }
        let flagWord = uint32(bytes, at: flags.data)
        let classCode = flagWord & 0xFF
        let isComplex = flagWord & 0x800 != 0
        let dims = try subelement(
            bytes, at: flags.next, end: end, fileOffset: fileOffset, variable: nil, what: "dimensions")
        guard dims.type == DataType.int32, dims.size % 4 == 0, dims.size >= 8 else {
            throw fail(fileOffset, nil, "a variable's dimensions are not int32 values", "save the file again")
        }
        let dimensions = stride(from: dims.data, to: dims.data + dims.size, by: 4).map { uint32(bytes, at: $0) }
        let nameElement = try subelement(
            bytes, at: dims.next, end: end, fileOffset: fileOffset, variable: nil, what: "name")
        let name = String(decoding: bytes[nameElement.data..<nameElement.data + nameElement.size], as: UTF8.self)
        func skip(_ kind: String) -> Variable { .skipped(.init(name: name, kind: kind)) }

        if let kind = Self.className(classCode) { return skip(kind) }
        guard (6...15).contains(classCode) else { return skip("class \(classCode)") }
        if isComplex { return skip("complex") }
        guard dimensions.count == 2 else { return skip("array of \(dimensions.count) dimensions") }
        let rows = dimensions[0]
        let columns = dimensions[1]
        let (total, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, total <= LessonLimits.maximumDataValues else {
            throw fail(
                fileOffset, name,
                "\(name) is \(rows) × \(columns), more than \(LessonLimits.maximumDataValues) numbers",
                "save a smaller matrix (at most \(LessonLimits.maximumSamples) samples per set)")
        }
        let real = try subelement(
            bytes, at: nameElement.next, end: end, fileOffset: fileOffset, variable: name, what: "values")
        guard let width = DataType.width(real.type) else {
            throw fail(
                fileOffset, name, "its values have data type \(real.type), not a number type", "save the file again")
        }
        guard real.size == total * width else {
            throw fail(
                fileOffset, name,
                "its values take \(real.size) bytes, but \(rows) × \(columns) values of \(width) bytes need \(total * width)",
                "the file is damaged; save it again")
        }
        var matrix = Matrix(rows: rows, columns: columns)
        for j in 0..<columns {
            for i in 0..<rows {
                let value = number(bytes, at: real.data + (j * rows + i) * width, type: real.type)
                guard value.isFinite else {
                    throw fail(
                        fileOffset, name, "\(name)(\(i + 1),\(j + 1)) is \(value), which a lesson cannot use",
                        "replace NaN and Inf before saving (e.g. \(name)(isnan(\(name))) = 0), or save only the variables you need"
                    )
                }
                matrix[i, j] = value
            }
        }
        return .matrix(NamedMatrix(name: name, values: matrix, place: .variable(name, byte: fileOffset)))
    }

    /// The value of numeric type `type` at `offset`.
    func number(_ bytes: [UInt8], at offset: Int, type: Int) -> Double {
        switch type {
        case DataType.int8: return Double(Int8(bitPattern: bytes[offset]))
        case DataType.uint8: return Double(bytes[offset])
        case DataType.int16, DataType.uint16:
            let raw =
                isBigEndian
                ? UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
                : UInt16(bytes[offset + 1]) << 8 | UInt16(bytes[offset])
            return type == DataType.int16 ? Double(Int16(bitPattern: raw)) : Double(raw)
        case DataType.int32: return Double(Int32(truncatingIfNeeded: uint32(bytes, at: offset)))
        case DataType.uint32: return Double(uint32(bytes, at: offset))
        case DataType.single: return Double(Float(bitPattern: UInt32(uint32(bytes, at: offset))))
        case DataType.int64: return Double(Int64(bitPattern: uint64(bytes, at: offset)))
        case DataType.uint64: return Double(uint64(bytes, at: offset))
        default: return Double(bitPattern: uint64(bytes, at: offset))
        }
    }
}
