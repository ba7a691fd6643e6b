internal import CCairo

/// A PNG writer on a raw deflate stream (ISA-L or zlib, ``PNGOptions/Deflater``): 8-bit RGB
/// (colour type 2) when every pixel is opaque, else RGBA (type 6); one IDAT chunk; no time
/// stamp or other varying chunk, so equal pixels give equal bytes.
struct PNGEncoder {
    /// Where the pixels come from.
    enum Source {
        /// Cairo ARGB32: premultiplied, one native-endian `UInt32` per pixel, `stride` bytes a row.
        case cairoARGB32(UnsafePointer<UInt8>, stride: Int)
        /// Straight RGBA bytes, `width × 4` a row.
        case rgba(UnsafePointer<UInt8>)
    }

    let width: Int
    let height: Int
    let source: Source
    let options: PNGOptions

    /// Encodes the image. Rows are filtered into a small chunk buffer that is fed to the
    /// deflater as it fills, so the filtered image never exists whole and the working set stays
    /// in cache.
    func encode() throws(RenderError) -> [UInt8] {
        let opaque = isOpaque()
        let bpp = opaque ? 3 : 4
        let rowBytes = width * bpp
        let lineBytes = rowBytes + 1
        let rowsPerChunk = max(1, (1 << 16) / lineBytes)
        var chunk = [UInt8](repeating: 0, count: rowsPerChunk * lineBytes)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var current = [UInt8](repeating: 0, count: rowBytes)
        var scratch = [UInt8](repeating: 0, count: options.filter == .adaptive ? rowBytes * 4 : 0)
        return try assemble(totalInput: height * lineBytes, colourType: opaque ? 2 : 6) { (feed) throws(RenderError) in
            var y = 0
            while y < height {
                let rows = min(rowsPerChunk, height - y)
                chunk.withUnsafeMutableBufferPointer { out in
                    current.withUnsafeMutableBufferPointer { cur in
                        previous.withUnsafeMutableBufferPointer { prev in
                            scratch.withUnsafeMutableBufferPointer { tmp in
                                guard let outBase = out.baseAddress, let curBase = cur.baseAddress,
                                    let prevBase = prev.baseAddress
                                else { preconditionFailure("PNG row buffers are never empty (width > 0)") }
                                var c = curBase
                                var p = prevBase
                                for r in 0..<rows {
                                    unpackRow(y + r, bpp: bpp, into: c)
                                    PNGEncoder.filterRow(
                                        options.filter, c, p, count: rowBytes, bpp: bpp,
                                        into: outBase + r * lineBytes, scratch: tmp.baseAddress)
                                    swap(&c, &p)
                                }
                                // Leave the last row in `previous` for the next chunk.
                                if p != prevBase { prevBase.update(from: p, count: rowBytes) }
                            }
                        }
                    }
                }
                y += rows
                try chunk.withUnsafeBufferPointer { (buf) throws(RenderError) in
                    guard let base = buf.baseAddress else { preconditionFailure("the PNG chunk buffer is never empty") }
                    try feed(base, rows * lineBytes, y == height)
                }
            }
        }
    }

    private func isOpaque() -> Bool {
        switch source {
        case .cairoARGB32(let base, let stride):
            for y in 0..<height {
                // AND of all pixels: a branch-free reduction the compiler vectorises.
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                var all: UInt32 = 0xFFFF_FFFF
                for x in 0..<width { all &= row[x] }
                if all >> 24 != 0xFF { return false }
            }
        case .rgba(let base):
            var i = 3
            let n = width * height * 4
            while i < n {
                if base[i] != 255 { return false }
                i += 4
            }
        }
        return true
    }

    /// Writes row `y` as straight RGB or RGBA bytes.
    private func unpackRow(_ y: Int, bpp: Int, into out: UnsafeMutablePointer<UInt8>) {
        switch source {
        case .cairoARGB32(let base, let stride):
            let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            if bpp == 3 {
                // Opaque: premultiplied equals straight; just reorder to R, G, B.
                var dst = out
                for x in 0..<width {
                    let p = row[x]
                    dst[0] = UInt8(truncatingIfNeeded: p >> 16)
                    dst[1] = UInt8(truncatingIfNeeded: p >> 8)
                    dst[2] = UInt8(truncatingIfNeeded: p)
                    dst += 3
                }
                return
            }
            CairoPixels.unpremultiply(row, width: width, into: out)
        case .rgba(let base):
            let row = base + y * width * 4
            if bpp == 4 {
                out.update(from: row, count: width * 4)
            } else {
                var src = row
                var dst = out
                for _ in 0..<width {
                    dst[0] = src[0]
                    dst[1] = src[1]
                    dst[2] = src[2]
                    src += 4
                    dst += 3
                }
            }
        }
    }

    /// Writes the filter type byte and the filtered row to `dst`.
    static func filterRow(
        _ filter: PNGOptions.Filter, _ cur: UnsafePointer<UInt8>, _ prev: UnsafePointer<UInt8>, count n: Int, bpp: Int,
        into dst: UnsafeMutablePointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>?
    ) {
        switch filter {
        case .none:
            dst[0] = 0
            (dst + 1).update(from: cur, count: n)
        case .sub: dst[0] = 1; sub(cur, n, bpp, dst + 1)
        case .up: dst[0] = 2; up(cur, prev, n, dst + 1)
        case .average: dst[0] = 3; average(cur, prev, n, bpp, dst + 1)
        case .paeth: dst[0] = 4; paeth(cur, prev, n, bpp, dst + 1)
        case .adaptive:
            guard let scratch else { return }
            // Candidates: none (the row itself), sub, up, average, paeth.
            sub(cur, n, bpp, scratch)
            up(cur, prev, n, scratch + n)
            average(cur, prev, n, bpp, scratch + 2 * n)
            paeth(cur, prev, n, bpp, scratch + 3 * n)
            var best = 0
            var bestCost = cost(cur, n)
            for k in 1...4 {
                let c = cost(scratch + (k - 1) * n, n)
                if c < bestCost { best = k; bestCost = c }
            }
            dst[0] = UInt8(best)
            (dst + 1).update(from: best == 0 ? cur : UnsafePointer(scratch + (best - 1) * n), count: n)
        }
    }

    /// Sum of the bytes read as signed magnitudes (libpng's heuristic).
    @inline(__always) private static func cost(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var s = 0
        for i in 0..<n {
            let v = Int(p[i])
            s &+= v < 128 ? v : 256 - v
        }
        return s
    }

    @inline(__always) private static func sub(
        _ cur: UnsafePointer<UInt8>, _ n: Int, _ bpp: Int, _ out: UnsafeMutablePointer<UInt8>
    ) {
        for i in 0..<min(bpp, n) { out[i] = cur[i] }
        var i = bpp
        while i < n {
            out[i] = cur[i] &- cur[i - bpp]
            i += 1
        }
    }

    @inline(__always) private static func up(
        _ cur: UnsafePointer<UInt8>, _ prev: UnsafePointer<UInt8>, _ n: Int, _ out: UnsafeMutablePointer<UInt8>
    ) {
        for i in 0..<n { out[i] = cur[i] &- prev[i] }
    }

    @inline(__always) private static func average(
        _ cur: UnsafePointer<UInt8>, _ prev: UnsafePointer<UInt8>, _ n: Int, _ bpp: Int,
        _ out: UnsafeMutablePointer<UInt8>
    ) {
        for i in 0..<n {
            let left = i >= bpp ? Int(cur[i - bpp]) : 0
            out[i] = cur[i] &- UInt8((left + Int(prev[i])) >> 1)
        }
    }

    @inline(__always) private static func paeth(
        _ cur: UnsafePointer<UInt8>, _ prev: UnsafePointer<UInt8>, _ n: Int, _ bpp: Int,
        _ out: UnsafeMutablePointer<UInt8>
    ) {
        for i in 0..<n {
            let a = i >= bpp ? Int(cur[i - bpp]) : 0
            let b = Int(prev[i])
            let c = i >= bpp ? Int(prev[i - bpp]) : 0
            let p = a + b - c
            let pa = abs(p - a)
            let pb = abs(p - b)
            let pc = abs(p - c)
            let pred = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
            out[i] = cur[i] &- UInt8(pred)
        }
    }

    /// Signature, IHDR, one IDAT, IEND. `produce` calls `feed(bytes, count, isLast)` with the
    /// filtered scanlines in order; they are deflated as they come.
    private func assemble(
        totalInput: Int, colourType: UInt8,
        produce: ((UnsafePointer<UInt8>, Int, Bool) throws(RenderError) -> Void) throws(RenderError) -> Void
    ) throws(RenderError) -> [UInt8] {
        // Raw deflate (RFC 1951) either way: the zlib header and the Adler-32 trailer are
        // written here, the checksum by ``Adler32``. The stream grows its own buffer (charts
        // deflate to a few percent of their scanlines); the PNG is then written at its exact
        // size, so an array kept by a caller (a cache of images) holds no spare capacity.
        let output = DeflateOutput(capacity: totalInput / 8 + 64 * 1024)
        let deflater: any RawDeflater
        switch options.deflater {
        case .isal: deflater = try ISALDeflater(level: options.level, output: output)
        case .zlib: deflater = try ZlibDeflater(level: options.level, strategy: options.strategy, output: output)
        }
        var adler: UInt32 = 1
        try produce { (bytes, count, isLast) throws(RenderError) in
            adler = Adler32.update(adler, bytes, count: count)
            try deflater.feed(bytes, count: count, isLast: isLast)
        }
        let dataCount = 2 + output.count + 4  // zlib header, deflate stream, Adler-32
        let total = 8 + 25 + 8 + dataCount + 4 + 12  // signature, IHDR, IDAT head, data, CRC, IEND
        return [UInt8](unsafeUninitializedCapacity: total) { buf, initialized in
            guard let base = buf.baseAddress else { preconditionFailure("a PNG is never empty") }
            var o = 0
            func put(_ bytes: [UInt8]) {
                for b in bytes {
                    base[o] = b
                    o += 1
                }
            }
            func put32(_ v: UInt32) {
                put([UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
            }
            func crcOf(_ start: Int, _ count: Int) -> UInt32 { UInt32(crc32(0, base + start, uInt(count))) }
            put([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            put32(13)
            let ihdrStart = o
            put(Array("IHDR".utf8))
            put32(UInt32(width))
            put32(UInt32(height))
            put([8, colourType, 0, 0, 0])
            put32(crcOf(ihdrStart, 17))
            put32(UInt32(dataCount))
            let idatStart = o
            put(Array("IDAT".utf8))
            put([UInt8(deflater.zlibHeader >> 8), UInt8(deflater.zlibHeader & 0xFF)])
            (base + o).update(from: output.base, count: output.count)
            o += output.count
            put32(adler)
            put32(crcOf(idatStart, 4 + dataCount))
            put32(0)
            let iendStart = o
            put(Array("IEND".utf8))
            put32(crcOf(iendStart, 4))
            precondition(o == total, "the PNG's size is computed before it is written")
            initialized = o
        }
    }

    /// The two-byte zlib header (RFC 1950) zlib writes for a 32 KiB window at this level and
    /// strategy: CMF 0x78, then FLEVEL and the check bits.
    static func zlibHeader(level: Int32, strategy: Int32) -> UInt16 {
        let levelFlags: UInt16
        if strategy >= Z_HUFFMAN_ONLY || level < 2 {
            levelFlags = 0
        } else if level < 6 {
            levelFlags = 1
        } else if level == 6 {
            levelFlags = 2
        } else {
            levelFlags = 3
        }
        return zlibHeader(levelFlags: levelFlags)
    }

    /// The zlib header for a 32 KiB window and FLEVEL `levelFlags` (0–3), with its check bits.
    static func zlibHeader(levelFlags: UInt16) -> UInt16 {
        let header: UInt16 = 0x7800 | levelFlags << 6
        return header + 31 - header % 31
    }
}
