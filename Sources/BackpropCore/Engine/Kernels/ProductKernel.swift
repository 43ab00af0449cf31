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
/// number is used four times), from reading both operands out of packed panels that lie in
/// order in memory (`packLeft`, `packRight`), and from splitting the entries (never a sum) into fixed
/// chunks that threads share.
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

    /// How many depths p are walked while a tile's packed operands stay in cache.
    static let depthBlock = 256
    /// Rows per chunk when chunks split the rows (a multiple of 4).
    static let rowChunk = 64
    /// Columns per chunk when chunks split the columns (a multiple of 4).
    static let columnChunk = 32
    /// Below this many multiply-adds (a small network's product) the plain loop is faster
    /// than packing panels.
    static let plainLoopLimit = 4_096

    /// Computes every entry, splitting the longer side into fixed chunks shared by the threads.
    ///
    /// The operand every chunk reads whole (`right` when chunks split the rows, `left` when they
    /// split the columns) is packed once, before the chunks start; each chunk packs its own part
    /// of the other operand, one depth block at a time.
    func run() {
        guard rows > 0, columns > 0, depth > 0 else { return }
        let work = rows * columns * depth
        if work < Self.plainLoopLimit { return plainLoop() }
        let splitsRows = rows >= columns
        // The side split into chunks; a product too small for threads is one chunk of all of it.
        let side = splitsRows ? rows : columns
        let chunkSize =
            work < EngineThreads.parallelThreshold ? side : (splitsRows ? Self.rowChunk : Self.columnChunk)
        let chunks = (side + chunkSize - 1) / chunkSize
        if splitsRows {
            withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: (columns + 3) / 4 * depth) { panel in
                let panel = panel.baseAddress!
                packRight(columns: 0..<columns, depths: 0..<depth, into: panel, tileStride: depth)
                let kernel = UncheckedSendable((self, UnsafePointer(panel)))
                EngineThreads.forEachChunk(chunks, work: work) { chunk in
                    let (kernel, panel) = kernel.value
                    let start = chunk * chunkSize
                    let end = min(start + chunkSize, kernel.rows)
                    kernel.compute(rows: start..<end, columns: 0..<kernel.columns, packedLeft: nil, packedRight: panel)
                }
            }
        } else {
            withUnsafeTemporaryAllocation(of: SIMD2<Double>.self, capacity: (rows + 3) / 4 * depth * 4) { panel in
                let panel = panel.baseAddress!
                for block in 0..<((rows + 3) / 4) {
                    let r = 4 * block
                    packLeft(row: r, rowCount: min(4, rows - r), depths: 0..<depth, into: panel + block * depth * 4)
                }
                let kernel = UncheckedSendable((self, UnsafePointer(panel)))
                EngineThreads.forEachChunk(chunks, work: work) { chunk in
                    let (kernel, panel) = kernel.value
                    let start = chunk * chunkSize
                    let end = min(start + chunkSize, kernel.columns)
                    kernel.compute(rows: 0..<kernel.rows, columns: start..<end, packedLeft: panel, packedRight: nil)
                }
            }
        }
    }

    /// Every entry by the textbook loop itself.
    private func plainLoop() {
        for r in 0..<rows {
            for c in 0..<columns {
                var sum = out[r * outRowStride + c]
                for p in 0..<depth {
                    sum += left[r * leftRowStride + p * leftDepthStride] * right[p * rightDepthStride + c]
                }
                out[r * outRowStride + c] = sum
            }
        }
    }

    /// The entries in `rows` × `columns`, depth block by depth block, in ascending p.
    ///
    /// `packedLeft`, when given, holds every row block's left operands for all depths (block b
    /// of rows 4b…4b+3 at `packedLeft + 4 · b · depth`, see `packLeft`), and `rows` starts at a
    /// multiple of 4; `packedRight`, when given, holds every column tile's right operands for
    /// all depths (tile t of columns 4t…4t+3 at `packedRight + t · depth`, see `packRight`), and
    /// `columns` is all of them. The operand not given is packed here, a block at a time.
    func compute(
        rows: Range<Int>, columns: Range<Int>, packedLeft: UnsafePointer<SIMD2<Double>>?,
        packedRight: UnsafePointer<SIMD4<Double>>?
    ) {
        let block = Self.depthBlock
        let localLeftCount = packedLeft == nil ? 4 * block : 0
        let localRightCount = packedRight == nil ? (columns.count + 3) / 4 * block : 0
        withUnsafeTemporaryAllocation(of: SIMD2<Double>.self, capacity: localLeftCount) { localLeft in
            withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: localRightCount) { localRight in
                var blockStart = 0
                while blockStart < depth {
                    let depths = blockStart..<min(blockStart + block, depth)
                    if packedRight == nil {
                        packRight(
                            columns: columns, depths: depths, into: localRight.baseAddress!, tileStride: depths.count)
                    }
                    var r = rows.lowerBound
                    while r < rows.upperBound {
                        let rowCount = min(4, rows.upperBound - r)
                        let leftTile: UnsafePointer<SIMD2<Double>>
                        if let packedLeft {
                            leftTile = packedLeft + (r / 4 * depth + depths.lowerBound) * 4
                        } else {
                            packLeft(row: r, rowCount: rowCount, depths: depths, into: localLeft.baseAddress!)
                            leftTile = UnsafePointer(localLeft.baseAddress!)
                        }
                        var c = columns.lowerBound
                        while c < columns.upperBound {
                            let rightTile: UnsafePointer<SIMD4<Double>> =
                                if let packedRight {
                                    packedRight + c / 4 * depth + depths.lowerBound
                                } else {
                                    UnsafePointer(localRight.baseAddress! + (c - columns.lowerBound) / 4 * depths.count)
                                }
                            tile(
                                row: r, rowCount: rowCount, column: c, columnCount: min(4, columns.upperBound - c),
                                count: depths.count, left: leftTile, right: rightTile)
                            c += 4
                        }
                        r += 4
                    }
                    blockStart = depths.upperBound
                }
            }
        }
    }

    /// left(r…r+3, p) for p in `depths`, each number stored twice (a pair, the broadcast the
    /// tile multiplies by): packed[4q + i] = (left(r+i, p), same) for the q-th p; rows past
    /// `rowCount` are zero.
    @inline(__always)
    private func packLeft(
        row r: Int, rowCount: Int, depths: Range<Int>, into packed: UnsafeMutablePointer<SIMD2<Double>>
    ) {
        var l = left + r * leftRowStride + depths.lowerBound * leftDepthStride
        var out = packed
        let rs = leftRowStride
        if rowCount == 4 {
            for _ in depths {
                out[0] = SIMD2(repeating: l[0])
                out[1] = SIMD2(repeating: l[rs])
                out[2] = SIMD2(repeating: l[2 * rs])
                out[3] = SIMD2(repeating: l[3 * rs])
                out += 4
                l += leftDepthStride
            }
        } else {
            for _ in depths {
                for i in 0..<4 { out[i] = i < rowCount ? SIMD2(repeating: l[i * rs]) : .zero }
                out += 4
                l += leftDepthStride
            }
        }
    }

    /// right(p, c…c+3) for p in `depths`, tile by tile of four columns: tile t (columns
    /// c₀+4t…) at packed[t · tileStride + q] for the q-th p; columns past `columns` are zero.
    @inline(__always)
    private func packRight(
        columns: Range<Int>, depths: Range<Int>, into packed: UnsafeMutablePointer<SIMD4<Double>>, tileStride: Int
    ) {
        var c = columns.lowerBound
        var tile = packed
        while c < columns.upperBound {
            let count = min(4, columns.upperBound - c)
            var q = right + depths.lowerBound * rightDepthStride + c
            var out = tile
            if count == 4 {
                for _ in depths {
                    out[0] = load(q)
                    out += 1
                    q += rightDepthStride
                }
            } else {
                for _ in depths {
                    var v = SIMD4<Double>.zero
                    for j in 0..<count { v[j] = q[j] }
                    out[0] = v
                    out += 1
                    q += rightDepthStride
                }
            }
            c += 4
            tile += tileStride
        }
    }

    /// Rows r…r+rowCount−1 × columns c…c+columnCount−1 (each count 1…4) over `count` depths:
    /// `left[4q + i]` holds (left(r+i, p), same) and `right[q]` holds right(p, c…c+3) for the
    /// q-th depth p of the block. Lanes past the counts multiply the panels' zero padding and
    /// are never stored.
    @inline(__always)
    private func tile(
        row r: Int, rowCount: Int, column c: Int, columnCount: Int, count: Int,
        left: UnsafePointer<SIMD2<Double>>, right: UnsafePointer<SIMD4<Double>>
    ) {
        let o = out + r * outRowStride + c
        var acc0 = SIMD4<Double>.zero
        var acc1 = SIMD4<Double>.zero
        var acc2 = SIMD4<Double>.zero
        var acc3 = SIMD4<Double>.zero
        let isFull = rowCount == 4 && columnCount == 4
        if isFull {
            acc0 = load(o)
            acc1 = load(o + outRowStride)
            acc2 = load(o + 2 * outRowStride)
            acc3 = load(o + 3 * outRowStride)
        } else {
            for j in 0..<columnCount {
                acc0[j] = o[j]
                if rowCount > 1 { acc1[j] = o[outRowStride + j] }
                if rowCount > 2 { acc2[j] = o[2 * outRowStride + j] }
                if rowCount > 3 { acc3[j] = o[3 * outRowStride + j] }
            }
        }
        var l = left
        var q = right
        for _ in 0..<count {
            let b = q[0]
            acc0 += SIMD4(lowHalf: l[0], highHalf: l[0]) * b
            acc1 += SIMD4(lowHalf: l[1], highHalf: l[1]) * b
            acc2 += SIMD4(lowHalf: l[2], highHalf: l[2]) * b
            acc3 += SIMD4(lowHalf: l[3], highHalf: l[3]) * b
            l += 4
            q += 1
        }
        if isFull {
            store(acc0, o)
            store(acc1, o + outRowStride)
            store(acc2, o + 2 * outRowStride)
            store(acc3, o + 3 * outRowStride)
        } else {
            for j in 0..<columnCount {
                o[j] = acc0[j]
                if rowCount > 1 { o[outRowStride + j] = acc1[j] }
                if rowCount > 2 { o[2 * outRowStride + j] = acc2[j] }
                if rowCount > 3 { o[3 * outRowStride + j] = acc3[j] }
            }
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
}
