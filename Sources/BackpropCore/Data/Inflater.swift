/// Decompresses zlib streams (RFC 1950) holding deflate data (RFC 1951), as `.mat` files
/// saved with `-v7` store their variables. Written after Mark Adler's `puff.c`: small and
/// checked at every step rather than fast.
///
/// Every malformed stream is an `Inflater.Failure` naming the byte offset in the compressed
/// input (0-based): truncation, a bad header or preset dictionary, a stored block whose
/// length and complement disagree, an over-subscribed or incomplete Huffman code, a repeat
/// with nothing to repeat, a distance further back than the output, a code beyond the
/// table, an Adler-32 mismatch, or output beyond `limit`. Each input bit is read at most
/// once, so a stream ends or fails after at most 8 · count steps per output byte written.
public enum Inflater {
    /// Why a stream could not be inflated, and where.
    public struct Failure: Error, Equatable, Sendable {
        /// The 0-based offset in the compressed bytes where the problem was found.
        public var offset: Int
        /// What is wrong, in lower case.
        public var problem: String
    }

    /// The bytes a zlib stream decompresses to. Refuses more than `limit` bytes of output.
    public static func inflateZlib(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        guard input.count >= 2 else { throw Failure(offset: input.count, problem: "the zlib header is cut short") }
        let cmf = Int(input[0])
        let flags = Int(input[1])
        guard cmf & 0x0F == 8, cmf >> 4 <= 7 else {
            throw Failure(offset: 0, problem: "the zlib header does not announce deflate (method \(cmf & 0x0F))")
        }
        guard (cmf << 8 | flags) % 31 == 0 else { throw Failure(offset: 1, problem: "the zlib header check fails") }
        guard flags & 0x20 == 0 else { throw Failure(offset: 1, problem: "the stream needs a preset dictionary") }
        var state = State(input: input, position: 2, limit: limit)
        try state.inflate()
        let end = state.position
        guard end + 4 <= input.count else {
            throw Failure(offset: input.count, problem: "the Adler-32 checksum is cut short")
        }
        let expected = input[end..<end + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let actual = adler32(state.output)
        guard expected == actual else {
            throw Failure(
                offset: end,
                problem: "the Adler-32 checksum is \(hex(actual)) but the stream says \(hex(expected))")
        }
        return state.output
    }

    /// The bytes raw deflate data (no zlib wrapper) decompresses to.
    public static func inflateRaw(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var state = State(input: input, position: 0, limit: limit)
        try state.inflate()
        return state.output
    }

    /// Adler-32 (RFC 1950, section 8.2) of `bytes`.
    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5552 bytes is the most that can be summed before the 32-bit sums overflow.
            let end = min(index + 5552, bytes.count)
            while index < end {
                a &+= UInt32(bytes[index])
                b &+= a
                index += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// A canonical Huffman code: how many codes have each length, and the symbols in code order.
    struct Huffman {
        var counts: [Int]
        var symbols: [Int]

        /// The code for symbols 0..<lengths.count with these code lengths (0 = unused).
        /// Throws for over-subscribed codes, and for incomplete ones unless `allowsIncomplete`
        /// and the code is a single code of one bit (as zlib and puff.c allow in dynamic blocks).
        init(lengths: [Int], allowsIncomplete: Bool) throws(HuffmanProblem) {
            counts = Array(repeating: 0, count: 16)
            for length in lengths { counts[length] += 1 }
            symbols = []
            if counts[0] == lengths.count {
                guard allowsIncomplete else { throw .empty }
                return
            }
            var left = 1
            for length in 1...15 {
                left <<= 1
                left -= counts[length]
                if left < 0 { throw .overSubscribed }
            }
            // puff.c: an incomplete code is allowed only as a single code of length 1.
            if left > 0 && !(allowsIncomplete && lengths.count - counts[0] == 1 && counts[1] == 1) {
                throw .incomplete
            }
            var offsets = Array(repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = Array(repeating: 0, count: lengths.count - counts[0])
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        enum HuffmanProblem: Error {
            case overSubscribed, incomplete, empty
        }
    }

    /// Length symbols 257…285: base lengths and extra bits.
    static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Distance symbols 0…29: base distances and extra bits.
    static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    /// The order code-length code lengths are sent in (RFC 1951, 3.2.7).
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The fixed codes of block type 1.
    static let fixedCodes: (Huffman, Huffman)? = {
        var lengths = Array(repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        guard let literals = try? Huffman(lengths: lengths, allowsIncomplete: false),
            // 32 five-bit codes make the code complete; symbols 30 and 31 are refused when read.
            let distances = try? Huffman(lengths: Array(repeating: 5, count: 32), allowsIncomplete: false)
        else { return nil }
        return (literals, distances)
    }()

    /// The decoder's position in the input and the output so far.
    struct State {
        let input: [UInt8]
        var position: Int
        let limit: Int
        var output: [UInt8] = []
        var bitBuffer = 0
        var bitCount = 0

        init(input: [UInt8], position: Int, limit: Int) {
            self.input = input
            self.position = position
            self.limit = limit
        }

        func fail(_ problem: String) -> Failure { Failure(offset: position, problem: problem) }

        /// The next `count` bits (≤ 16), least significant first.
        mutating func bits(_ count: Int) throws(Failure) -> Int {
            while bitCount < count {
                guard position < input.count else { throw fail("the compressed data is cut short") }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << count) - 1)
            bitBuffer >>= count
            bitCount -= count
            return value
        }

        /// Every block, up to and including the last.
        mutating func inflate() throws(Failure) {
            var isLast = false
            while !isLast {
                isLast = try bits(1) == 1
                switch try bits(2) {
                case 0: try stored()
                case 1:
                    guard let (literals, distances) = Inflater.fixedCodes else { throw fail("internal: fixed codes") }
                    try codes(literals, distances)
                case 2:
                    let (literals, distances) = try dynamicCodes()
                    try codes(literals, distances)
                default: throw fail("a block has the reserved type 3")
                }
            }
            // The rest of the last byte is padding.
            bitBuffer = 0
            bitCount = 0
        }

        mutating func stored() throws(Failure) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw fail("a stored block's length is cut short") }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard length == complement ^ 0xFFFF else {
                throw fail("a stored block's length \(length) does not match its complement")
            }
            position += 4
            guard position + length <= input.count else { throw fail("a stored block is cut short") }
            guard output.count + length <= limit else { throw tooLarge() }
            output.append(contentsOf: input[position..<position + length])
            position += length
        }

        func tooLarge() -> Failure {
            fail("the data inflates to more than \(limit) bytes")
        }

        /// One symbol of `code`, read bit by bit (puff.c's slow decode).
        mutating func decode(_ code: Huffman) throws(Failure) -> Int {
            var codeValue = 0
            var first = 0
            var index = 0
            for length in 1...15 {
                codeValue |= try bits(1)
                let count = code.counts[length]
                if codeValue - count < first { return code.symbols[index + (codeValue - first)] }
                index += count
                first += count
                first <<= 1
                codeValue <<= 1
            }
            throw fail("a Huffman code is not in the table")
        }

        /// Literals and length/distance pairs up to the end-of-block symbol.
        mutating func codes(_ literals: Huffman, _ distances: Huffman) throws(Failure) {
            while true {
                let symbol = try decode(literals)
                if symbol < 256 {
                    guard output.count < limit else { throw tooLarge() }
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let lengthIndex = symbol - 257
                    guard lengthIndex < Inflater.lengthBase.count else { throw fail("invalid length symbol \(symbol)") }
                    let length = Inflater.lengthBase[lengthIndex] + (try bits(Inflater.lengthExtra[lengthIndex]))
                    let distanceSymbol = try decode(distances)
                    guard distanceSymbol < Inflater.distanceBase.count else {
                        throw fail("invalid distance symbol \(distanceSymbol)")
                    }
                    let distance =
                        Inflater.distanceBase[distanceSymbol] + (try bits(Inflater.distanceExtra[distanceSymbol]))
                    guard distance <= output.count else {
                        throw fail(
                            "a distance of \(distance) reaches back before the start of the output (\(output.count) bytes)"
                        )
                    }
                    guard output.count + length <= limit else { throw tooLarge() }
                    let from = output.count - distance
                    for k in 0..<length { output.append(output[from + k]) }
                }
            }
        }

        /// The literal/length and distance codes of a dynamic block (RFC 1951, 3.2.7).
        mutating func dynamicCodes() throws(Failure) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else {
                throw fail(
                    "a dynamic block announces \(literalCount) literal and \(distanceCount) distance codes (at most 286 and 30)"
                )
            }
            var codeLengthLengths = Array(repeating: 0, count: 19)
            for k in 0..<codeLengthCount { codeLengthLengths[Inflater.codeLengthOrder[k]] = try bits(3) }
            let codeLengthCode: Huffman
            do {
                codeLengthCode = try Huffman(lengths: codeLengthLengths, allowsIncomplete: false)
            } catch {
                throw fail("the code-length code is \(Self.describe(error))")
            }
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(codeLengthCode)
                if symbol < 16 {
                    lengths.append(symbol)
                    continue
                }
                var value = 0
                let repeatCount: Int
                switch symbol {
                case 16:
                    guard let previous = lengths.last else { throw fail("a repeat code comes before any code length") }
                    value = previous
                    repeatCount = 3 + (try bits(2))
                case 17: repeatCount = 3 + (try bits(3))
                default: repeatCount = 11 + (try bits(7))
                }
                guard lengths.count + repeatCount <= literalCount + distanceCount else {
                    throw fail("code lengths repeat past the end of the table")
                }
                lengths.append(contentsOf: repeatElement(value, count: repeatCount))
            }
            guard lengths[256] != 0 else { throw fail("the block has no end-of-block code") }
            let literals: Huffman
            do {
                literals = try Huffman(lengths: Array(lengths[..<literalCount]), allowsIncomplete: true)
            } catch {
                throw fail("the literal/length code is \(Self.describe(error))")
            }
            let distances: Huffman
            do {
                distances = try Huffman(lengths: Array(lengths[literalCount...]), allowsIncomplete: true)
            } catch {
                throw fail("the distance code is \(Self.describe(error))")
            }
            return (literals, distances)
        }

        static func describe(_ problem: Huffman.HuffmanProblem) -> String {
            switch problem {
            case .overSubscribed: return "over-subscribed (more codes than lengths allow)"
            case .incomplete: return "incomplete"
            case .empty: return "empty"
            }
        }
    }
}
