import BackpropCore
import Testing

/// The Swift inflater against streams made by Python's zlib, and against hostile streams.
@Suite("Inflater")
struct InflaterTests {
    /// Made once with Python 3's zlib (1.2.13) by:
    /// python3 -c 'import zlib; print(zlib.compress(b"stored block: raw bytes", 0).hex()); print(zlib.compress(b"abracadabra abracadabra abracadabra", 9).hex()); print(zlib.compress(bytes(" ".join(str(i*i % 97) for i in range(120)), "ascii"), 9).hex())'
    /// The third byte's bits 1–2 give the first block's type: 0 stored, 1 fixed, 2 dynamic.
    static let stored = "7801011700e8ff73746f72656420626c6f636b3a2072617720627974657368cf08a8"
    static let fixed = "78da4b4c2a4a4c4e4c4904520a89d8d900ee280d3d"
    static let dynamic =
        "78daa590890d442108055b99123ea0a8fd37b6a32d6c628cc73bf9080687687252cd38f46007450ec6622549059d1c11c5fa88641647b45c053c0fe6c7a627b9d89b39c864aba6d42482ddb48c4d25219253ecc93a2cf77aeb5d7df4ab2f48a8046992e30929a7a8d21a68a39996fb9a1be1068917aa6f40631ad6c806ef57226f1d4b59ad6e49ab5ab85e7947709c45f0fd35931fb3593bde"

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    static let dynamicText = (0..<120).map { String($0 * $0 % 97) }.joined(separator: " ")

    @Test(
        "stored, fixed and dynamic blocks inflate to Python's input",
        arguments: [
            (stored, "stored block: raw bytes", 0), (fixed, "abracadabra abracadabra abracadabra", 1),
            (dynamic, dynamicText, 2),
        ])
    func knownStreams(_ hex: String, _ text: String, _ blockType: Int) throws {
        let input = Self.bytes(hex)
        #expect(Int(input[2] >> 1) & 3 == blockType)
        let output = try Inflater.inflateZlib(input, limit: 1_000)
        #expect(String(decoding: output, as: UTF8.self) == text)
    }

    @Test("Adler-32 of known strings")
    func adler() {
        #expect(Inflater.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Inflater.adler32([]) == 1)
        // Longer than the 5552-byte block that keeps the sums from overflowing.
        // python3 -c "import zlib; print(hex(zlib.adler32(b'\xff' * 100000)))"
        #expect(Inflater.adler32(Array(repeating: 0xFF, count: 100_000)) == 0x149A_302C)
    }

    /// The error offset and problem for `input`, or nil if it inflated.
    static func failure(_ input: [UInt8], raw: Bool = false, limit: Int = 1_000) -> Inflater.Failure? {
        do {
            _ = raw ? try Inflater.inflateRaw(input, limit: limit) : try Inflater.inflateZlib(input, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test("a truncated stream fails at its end", arguments: [stored, fixed, dynamic])
    func truncated(_ hex: String) throws {
        let input = Self.bytes(hex)
        for cut in [1, 3, 5, input.count / 2, input.count - 1] {
            let failure = try #require(Self.failure(Array(input.prefix(cut))), "cut at \(cut)")
            #expect(failure.problem.contains("cut short"), "\(failure)")
        }
    }

    @Test("a wrong checksum is named")
    func badChecksum() throws {
        var input = Self.bytes(Self.dynamic)
        input[input.count - 1] ^= 0x01
        let failure = try #require(Self.failure(input))
        #expect(failure.problem.contains("Adler-32"))
        #expect(failure.offset == input.count - 4)
    }

    @Test("a bad header: not deflate, failing check, preset dictionary")
    func badHeader() throws {
        #expect(try #require(Self.failure([0x79, 0x9C, 0x03, 0x00])).problem.contains("deflate"))
        #expect(try #require(Self.failure([0x78, 0x9D, 0x03, 0x00])).problem.contains("header check"))
        #expect(try #require(Self.failure([0x78, 0xBB, 0x03, 0x00])).problem.contains("dictionary"))
    }

    /// Writes deflate bits: plain values least significant bit first, Huffman codes most
    /// significant bit first (RFC 1951, 3.1.1).
    struct BitWriter {
        var bytes: [UInt8] = []
        var count = 0
        mutating func bits(_ value: Int, _ width: Int) {
            for k in 0..<width { bit((value >> k) & 1) }
        }
        mutating func code(_ value: Int, _ width: Int) {
            for k in stride(from: width - 1, through: 0, by: -1) { bit((value >> k) & 1) }
        }
        mutating func bit(_ value: Int) {
            if count % 8 == 0 { bytes.append(0) }
            bytes[bytes.count - 1] |= UInt8(value << (count % 8))
            count += 1
        }
    }

    @Test("over-subscribed code lengths are refused")
    func overSubscribed() throws {
        var writer = BitWriter()
        writer.bits(1, 1)  // last block
        writer.bits(2, 2)  // dynamic
        writer.bits(0, 5)  // 257 literal/length codes
        writer.bits(0, 5)  // 1 distance code
        writer.bits(15, 4)  // 19 code-length codes
        for _ in 0..<19 { writer.bits(1, 3) }  // 19 codes of one bit: over-subscribed
        let failure = try #require(Self.failure(writer.bytes, raw: true))
        #expect(failure.problem.contains("over-subscribed"), "\(failure)")
    }

    @Test("a distance before the start of the output is refused")
    func distanceTooFar() throws {
        var writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)  // fixed codes
        writer.code(0x30 + 0x61, 8)  // literal "a"
        writer.code(1, 7)  // length symbol 257: length 3
        writer.code(1, 5)  // distance symbol 1: distance 2, but only 1 byte is out
        writer.code(0, 7)  // end of block
        let failure = try #require(Self.failure(writer.bytes, raw: true))
        #expect(failure.problem.contains("reaches back"), "\(failure)")
    }

    @Test("a repeat with nothing to repeat, a stored length that disagrees, block type 3")
    func otherHostile() throws {
        var repeatFirst = BitWriter()
        repeatFirst.bits(1, 1)
        repeatFirst.bits(2, 2)
        repeatFirst.bits(0, 5)
        repeatFirst.bits(0, 5)
        repeatFirst.bits(0, 4)  // 4 code-length codes: 16, 17, 18, 0
        for length in [1, 2, 2, 0] { repeatFirst.bits(length, 3) }  // 16 → "0", 17 → "10", 18 → "11"
        repeatFirst.code(0, 1)  // symbol 16 first: repeat of nothing
        #expect(try #require(Self.failure(repeatFirst.bytes, raw: true)).problem.contains("repeat"))

        #expect(try #require(Self.failure([0x01, 0x05, 0x00, 0x00, 0x00], raw: true)).problem.contains("complement"))
        #expect(try #require(Self.failure([0x07], raw: true)).problem.contains("type 3"))
    }

    @Test("output beyond the limit is refused")
    func limit() throws {
        let failure = try #require(Self.failure(Self.bytes(Self.dynamic), limit: 100))
        #expect(failure.problem.contains("more than 100 bytes"))
    }

    @Test("random bytes never crash or hang")
    func randomBytes() {
        var generator = SplitMix64(seed: 24)
        var failures = 0
        for length in 0..<300 {
            var input: [UInt8] = [0x78, 0x9C]
            for _ in 0..<(length % 60) { input.append(UInt8(truncatingIfNeeded: generator.next())) }
            if Self.failure(input, limit: 10_000) != nil { failures += 1 }
        }
        #expect(failures > 250)
    }
}
