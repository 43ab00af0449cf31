/// The one multiply-add kernel behind the engine's matrix products:
/// out[r, c] += Σₚ left(r, p) · right(p, c) for p = 0, 1, …, depth − 1, in that order.
///
/// Indices are 0-based. left(r, p) is `left[r * leftRowStride + p * leftDepthStride]`,
/// right(p, c) is `right[p * rightDepthStride + c]` (a row of `right` is contiguous in c), and
/// out[r, c] is `out[r * outRowStride + c]`, which holds the starting value of the sum.
///
/// Every entry's sum is the textbook loop's — start from out[r, c], add each product in
/// ascending p, multiply then add (never fused) — so the result is bit for bit that loop's,
/// however the work is tiled, blocked or shared between threads. Speed comes from computing
/// a 4 × 4 tile of entries at once (SIMD4 across c, four rows side by side, so each loaded
/// number is used four times), from walking p in blocks that stay in cache, and from
/// splitting the entries (never a sum) into fixed chunks that threads share.
struct ProductKernel {
    /// left(r, p) = left[r * leftRowStride + p * leftDepthStride].
    var left: UnsafePointer<Double>
    /// Step between rows r of `left`.
    var leftRowStride: Int
    /// Step between depths p of `left`.
    var leftDepthStride: Int
    /// right(p, c) = right[p * rightDepthStride + c].
    var right: UnsafePointer<Double>
    /// Step between depths p of `right`.
    var rightDepthStride: Int
    /// out[r, c] = out[r * outRowStride + c].
    var out: UnsafeMutablePointer<Double>
    /// Step between rows of `out`.
    var outRowStride: Int
    /// Number of rows r.
    var rows: Int
    /// Number of columns c.
    var columns: Int
    /// Number of products p in each sum.
    var depth: Int

    /// How many depths p are walked while a tile's operands stay in cache.
    static let depthBlock = 256
    /// Rows per chunk when chunks split the rows.
    static let rowChunk = 64
    /// Columns per chunk when chunks split the columns (a multiple of 16).
    static let columnChunk = 32

    /// Computes every entry, splitting the longer side into fixed chunks shared by the threads.
    func run() {
        guard rows > 0, columns > 0 else { return }
        let work = rows * columns * depth
        if work < EngineThreads.parallelThreshold {
            // A small network's product: no chunks, no threads.
            return compute(rows: 0..<rows, columns: 0..<columns)
        }
        if rows >= columns {
            let chunks = (rows + Self.rowChunk - 1) / Self.rowChunk
            let kernel = UncheckedSendable(self)
            EngineThreads.forEachChunk(chunks, work: work) { chunk in
                let start = chunk * Self.rowChunk
                kernel.value.compute(rows: start..<min(start + Self.rowChunk, rows), columns: 0..<columns)
            }
        } else {
            let chunks = (columns + Self.columnChunk - 1) / Self.columnChunk
            let kernel = UncheckedSendable(self)
            EngineThreads.forEachChunk(chunks, work: work) { chunk in
                let start = chunk * Self.columnChunk
                kernel.value.compute(rows: 0..<rows, columns: start..<min(start + Self.columnChunk, columns))
            }
        }
    }

    /// The entries in `rows` × `columns`, depth block by depth block (in ascending p).
    func compute(rows: Range<Int>, columns: Range<Int>) {
        // Four rows' left operands for one depth block, each number stored twice (a pair), so
        // the 4 × 4 tile reads a ready-made broadcast instead of building one per product.
        withUnsafeTemporaryAllocation(of: SIMD2<Double>.self, capacity: 4 * Self.depthBlock) { packed in
            guard let packed = packed.baseAddress else { return }
            var blockStart = 0
            while blockStart < depth {
                let depths = blockStart..<min(blockStart + Self.depthBlock, depth)
                var r = rows.lowerBound
                while r + 4 <= rows.upperBound {
                    var c = columns.lowerBound
                    if c + 4 <= columns.upperBound {
                        pack(row: r, depths: depths, into: packed)
                    }
                    while c + 4 <= columns.upperBound {
                        tile4x4(row: r, column: c, depths: depths, packed: packed)
                        c += 4
                    }
                    while c < columns.upperBound {
                        tile4x1(row: r, column: c, depths: depths)
                        c += 1
                    }
                    r += 4
                }
                while r < rows.upperBound {
                    var c = columns.lowerBound
                    while c + 16 <= columns.upperBound {
                        tile1x16(row: r, column: c, depths: depths)
                        c += 16
                    }
                    while c + 4 <= columns.upperBound {
                        tile1x4(row: r, column: c, depths: depths)
                        c += 4
                    }
                    while c < columns.upperBound {
                        single(row: r, column: c, depths: depths)
                        c += 1
                    }
                    r += 1
                }
                blockStart = depths.upperBound
            }
        }
    }

    /// left(r…r+3, p) for p in `depths`, as pairs: packed[4(p − p₀) + i] = (left(r+i, p), same).
    @inline(__always)
    private func pack(row r: Int, depths: Range<Int>, into packed: UnsafeMutablePointer<SIMD2<Double>>) {
        var l = left + r * leftRowStride + depths.lowerBound * leftDepthStride
        var out = packed
        let rs = leftRowStride
        for _ in depths {
            out[0] = SIMD2(repeating: l[0])
            out[1] = SIMD2(repeating: l[rs])
            out[2] = SIMD2(repeating: l[2 * rs])
            out[3] = SIMD2(repeating: l[3 * rs])
            out += 4
            l += leftDepthStride
        }
    }

    @inline(__always)
    private func load(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private func store(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Double>.self)
    }

    /// Rows r…r+3 × columns c…c+3, the left operands read from `packed` (see `pack`).
    @inline(__always)
    private func tile4x4(row r: Int, column c: Int, depths: Range<Int>, packed: UnsafePointer<SIMD2<Double>>) {
        let o = out + r * outRowStride + c
        var acc0 = load(o)
        var acc1 = load(o + outRowStride)
        var acc2 = load(o + 2 * outRowStride)
        var acc3 = load(o + 3 * outRowStride)
        var l = packed
        var q = right + depths.lowerBound * rightDepthStride + c
        for _ in depths {
            let b = load(q)
            acc0 += SIMD4(lowHalf: l[0], highHalf: l[0]) * b
            acc1 += SIMD4(lowHalf: l[1], highHalf: l[1]) * b
            acc2 += SIMD4(lowHalf: l[2], highHalf: l[2]) * b
            acc3 += SIMD4(lowHalf: l[3], highHalf: l[3]) * b
            l += 4
            q += rightDepthStride
        }
        store(acc0, o)
        store(acc1, o + outRowStride)
        store(acc2, o + 2 * outRowStride)
        store(acc3, o + 3 * outRowStride)
    }

    /// Rows r…r+3 × column c.
    @inline(__always)
    private func tile4x1(row r: Int, column c: Int, depths: Range<Int>) {
        let o = out + r * outRowStride + c
        var acc0 = o[0]
        var acc1 = o[outRowStride]
        var acc2 = o[2 * outRowStride]
        var acc3 = o[3 * outRowStride]
        var l = left + r * leftRowStride + depths.lowerBound * leftDepthStride
        var q = right + depths.lowerBound * rightDepthStride + c
        let rs = leftRowStride
        for _ in depths {
            let b = q[0]
            acc0 += l[0] * b
            acc1 += l[rs] * b
            acc2 += l[2 * rs] * b
            acc3 += l[3 * rs] * b
            l += leftDepthStride
            q += rightDepthStride
        }
        o[0] = acc0
        o[outRowStride] = acc1
        o[2 * outRowStride] = acc2
        o[3 * outRowStride] = acc3
    }

    /// Row r × columns c…c+15.
    @inline(__always)
    private func tile1x16(row r: Int, column c: Int, depths: Range<Int>) {
        let o = out + r * outRowStride + c
        var acc0 = load(o)
        var acc1 = load(o + 4)
        var acc2 = load(o + 8)
        var acc3 = load(o + 12)
        var l = left + r * leftRowStride + depths.lowerBound * leftDepthStride
        var q = right + depths.lowerBound * rightDepthStride + c
        for _ in depths {
            let a = SIMD4(repeating: l[0])
            acc0 += a * load(q)
            acc1 += a * load(q + 4)
            acc2 += a * load(q + 8)
            acc3 += a * load(q + 12)
            l += leftDepthStride
            q += rightDepthStride
        }
        store(acc0, o)
        store(acc1, o + 4)
        store(acc2, o + 8)
        store(acc3, o + 12)
    }

    /// Row r × columns c…c+3.
    @inline(__always)
    private func tile1x4(row r: Int, column c: Int, depths: Range<Int>) {
        let o = out + r * outRowStride + c
        var acc = load(o)
        var l = left + r * leftRowStride + depths.lowerBound * leftDepthStride
        var q = right + depths.lowerBound * rightDepthStride + c
        for _ in depths {
            acc += SIMD4(repeating: l[0]) * load(q)
            l += leftDepthStride
            q += rightDepthStride
        }
        store(acc, o)
    }

    /// Row r × column c.
    @inline(__always)
    private func single(row r: Int, column c: Int, depths: Range<Int>) {
        let o = out + r * outRowStride + c
        var acc = o[0]
        var l = left + r * leftRowStride + depths.lowerBound * leftDepthStride
        var q = right + depths.lowerBound * rightDepthStride + c
        for _ in depths {
            acc += l[0] * q[0]
            l += leftDepthStride
            q += rightDepthStride
        }
        o[0] = acc
    }
}
