internal import CCairo

extension ChartRenderer {
    /// Decodes PNG bytes (any colour type libpng reads) into straight RGBA pixels.
    public static func decodePNG(_ bytes: [UInt8]) throws(RenderError) -> RGBAImage {
        let reader = ByteReader(bytes)
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream(ByteReader.read, Unmanaged.passUnretained(reader).toOpaque())
        }
        guard let surface else { throw .pngDecoding("out of memory") }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .pngDecoding(CairoSurface.text(status)) }
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else {
            throw .pngDecoding("unsupported pixel format \(format.rawValue)")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw .pngDecoding("empty image")
        }
        return RGBAImage(
            unpremultiplying: UnsafePointer(data), stride: stride, width: width, height: height,
            opaqueOnly: format == CAIRO_FORMAT_RGB24)
    }
}

/// Feeds bytes to Cairo's PNG reader.
final class ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The `cairo_read_func_t`: copies exactly `length` bytes or reports a read error.
    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let reader = Unmanaged<ByteReader>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard reader.bytes.count - reader.offset >= n else { return CAIRO_STATUS_READ_ERROR }
        reader.bytes.withUnsafeBufferPointer { buf in
            // n > 0 bytes remain, so the buffer is not empty.
            guard let base = buf.baseAddress else { return }
            data.update(from: base + reader.offset, count: n)
        }
        reader.offset += n
        return CAIRO_STATUS_SUCCESS
    }
}
