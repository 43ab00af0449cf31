import BackpropCore
import Foundation

/// The pixels of an 8-bit RGB or RGBA PNG, decoded with the engine's own zlib inflater, so a
/// screenshot test can tell a page from a blank image (PNG spec: chunks, IHDR, IDAT, and the
/// five scanline filters).
struct PNGPixels {
    var width: Int
    var height: Int
    /// Bytes per pixel (3 or 4).
    var channels: Int
    /// Unfiltered rows, `width × channels` bytes each.
    var rows: [[UInt8]]

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10] else { throw Failure(description: "not a PNG") }
        func u32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var offset = 8
        var idat: [UInt8] = []
        var (w, h, depth, type) = (0, 0, 0, 0)
        while offset + 8 <= bytes.count {
            let length = u32(offset)
            let kind = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let body = offset + 8
            guard body + length <= bytes.count else { throw Failure(description: "a chunk is cut short") }
            if kind == "IHDR" { (w, h, depth, type) = (u32(body), u32(body + 4), Int(bytes[body + 8]), Int(bytes[body + 9])) }
            if kind == "IDAT" { idat += bytes[body..<body + length] }
            offset = body + length + 4
        }
        guard depth == 8, type == 2 || type == 6 else { throw Failure(description: "bit depth \(depth), colour type \(type)") }
        let channels = type == 6 ? 4 : 3
        let stride = w * channels
        let raw = try Inflater.inflateZlib(idat, limit: (stride + 1) * h + 16)
        guard raw.count >= (stride + 1) * h else { throw Failure(description: "the image data is short") }
        var rows: [[UInt8]] = []
        var previous = [UInt8](repeating: 0, count: stride)
        for y in 0..<h {
            let start = y * (stride + 1)
            let filter = raw[start]
            var row = Array(raw[start + 1..<start + 1 + stride])
            for x in 0..<stride {
                let a = x >= channels ? Int(row[x - channels]) : 0
                let b = Int(previous[x])
                let c = x >= channels ? Int(previous[x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "unknown filter \(filter)")
                }
                row[x] = UInt8(truncatingIfNeeded: Int(row[x]) + predictor)
            }
            rows.append(row)
            previous = row
        }
        (width, height, self.channels, self.rows) = (w, h, channels, rows)
    }

    /// The fraction of pixels whose RGB differs from the top-left pixel's.
    var fractionUnlikeCorner: Double {
        let corner = Array(rows[0][0..<3])
        var differing = 0
        for row in rows {
            for x in 0..<width where Array(row[x * channels..<x * channels + 3]) != corner { differing += 1 }
        }
        return Double(differing) / Double(max(1, width * height))
    }
}
