internal import CCairo
internal import CISAL

/// Where a deflate stream goes: a buffer that doubles when it fills, so no bound on the
/// stream's size has to be known in advance (ISA-L's streaming mode gives none).
final class DeflateOutput {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes written.
    var count = 0

    init(capacity: Int) {
        self.capacity = max(4096, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room left after ``count``.
    var room: Int { capacity - count }

    /// Makes room: doubles the buffer, keeping what was written.
    func grow() {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}

/// One raw deflate stream (RFC 1951): the PNG encoder's IDAT data between the zlib header and
/// the Adler-32 trailer it writes itself.
protocol RawDeflater: AnyObject {
    /// The zlib header (RFC 1950) to write before the stream: CMF 0x78 (32 KiB window), then
    /// FLEVEL and the check bits.
    var zlibHeader: UInt16 { get }
    /// Compresses the next input into the output; `isLast` ends the stream.
    func feed(_ bytes: UnsafePointer<UInt8>, count: Int, isLast: Bool) throws(RenderError)
}

/// zlib's deflate, any level and strategy.
final class ZlibDeflater: RawDeflater {
    private var stream = z_stream()
    private let output: DeflateOutput
    let zlibHeader: UInt16

    init(level: Int, strategy: PNGOptions.Strategy, output: DeflateOutput) throws(RenderError) {
        self.output = output
        let s: Int32
        switch strategy {
        case .default: s = Z_DEFAULT_STRATEGY
        case .filtered: s = Z_FILTERED
        case .rle: s = Z_RLE
        }
        let l = Int32(max(0, min(9, level)))
        let status = deflateInit2_(&stream, l, Z_DEFLATED, -15, 8, s, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .pngEncoding("deflateInit2 returned \(status)") }
        zlibHeader = PNGEncoder.zlibHeader(level: l, strategy: s)
    }

    deinit { deflateEnd(&stream) }

    func feed(_ bytes: UnsafePointer<UInt8>, count: Int, isLast: Bool) throws(RenderError) {
        stream.next_in = UnsafeMutablePointer(mutating: bytes)
        stream.avail_in = uInt(count)
        while true {
            if output.room == 0 { output.grow() }
            let room = output.room
            stream.next_out = output.base + output.count
            stream.avail_out = uInt(room)
            let status = deflate(&stream, isLast ? Z_FINISH : Z_NO_FLUSH)
            output.count += room - Int(stream.avail_out)
            if isLast, status == Z_STREAM_END { return }
            guard status == Z_OK else {
                throw .pngEncoding("deflate returned \(status) with \(stream.avail_in) bytes left")
            }
            // Without Z_FINISH, deflate stops when the input is used up or the output is full.
            if !isLast, stream.avail_in == 0, stream.avail_out > 0 { return }
        }
    }
}

/// Intel ISA-L's igzip, levels 0–3, streaming. Its state (about 80 KB) and level buffer (up
/// to 340 KB) live on the heap, never on a thread's stack.
final class ISALDeflater: RawDeflater {
    private let stream: UnsafeMutablePointer<isal_zstream>
    private let levelBuffer: UnsafeMutableRawPointer?
    private let output: DeflateOutput
    let zlibHeader: UInt16

    init(level: Int, output: DeflateOutput) throws(RenderError) {
        self.output = output
        let l = UInt32(max(0, min(3, level)))
        stream = .allocate(capacity: 1)
        isal_deflate_init(stream)
        let size = chartdraw_isal_level_buffer_size(l)
        levelBuffer = size > 0 ? UnsafeMutableRawPointer.allocate(byteCount: Int(size), alignment: 64) : nil
        stream.pointee.level = l
        stream.pointee.level_buf = levelBuffer?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.level_buf_size = size
        stream.pointee.gzip_flag = UInt16(IGZIP_DEFLATE)
        stream.pointee.flush = UInt16(NO_FLUSH)
        // FLEVEL 0 ("fastest") for levels 0–1, 1 ("fast") for 2–3; the field is informative.
        zlibHeader = PNGEncoder.zlibHeader(levelFlags: l >= 2 ? 1 : 0)
    }

    deinit {
        levelBuffer?.deallocate()
        stream.deallocate()
    }

    func feed(_ bytes: UnsafePointer<UInt8>, count: Int, isLast: Bool) throws(RenderError) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes)
        stream.pointee.avail_in = UInt32(count)
        stream.pointee.end_of_stream = isLast ? 1 : 0
        while true {
            if output.room == 0 { output.grow() }
            let room = output.room
            stream.pointee.next_out = output.base + output.count
            stream.pointee.avail_out = UInt32(room)
            let status = isal_deflate(stream)
            output.count += room - Int(stream.pointee.avail_out)
            guard status == COMP_OK else { throw .pngEncoding("isal_deflate returned \(status)") }
            // isal_deflate returns when the input is used up or the output is full.
            if stream.pointee.avail_in == 0, !isLast || chartdraw_isal_finished(stream) != 0 { return }
        }
    }
}
