internal import CCairo

/// One Cairo surface and its drawing context, owned by a single render and freed in `deinit`.
final class CairoSurface {
    let surface: OpaquePointer
    let context: OpaquePointer
    /// Keeps the stream sink of an SVG or PDF surface alive as long as the surface.
    private let sink: ByteSink?

    private init(surface: OpaquePointer, context: OpaquePointer, sink: ByteSink?) {
        self.surface = surface
        self.context = context
        self.sink = sink
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// An ARGB32 image surface, transparent to start with.
    static func image(width: Int, height: Int) throws(RenderError) -> CairoSurface {
        let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        return try wrap(s, sink: nil, what: "create a \(width)x\(height) image surface")
    }

    /// An SVG surface writing into `sink`, sized in pixels.
    static func svg(width: Int, height: Int, sink: ByteSink) throws(RenderError) -> CairoSurface {
        let s = cairo_svg_surface_create_for_stream(
            ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), Double(width), Double(height))
        if let s, cairo_surface_status(s) == CAIRO_STATUS_SUCCESS {
            cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX)
        }
        return try wrap(s, sink: sink, what: "create an SVG surface")
    }

    /// A PDF surface writing into `sink`, one point per device pixel, with a fixed creation
    /// date so the same list gives the same bytes.
    static func pdf(width: Int, height: Int, sink: ByteSink) throws(RenderError) -> CairoSurface {
        let s = cairo_pdf_surface_create_for_stream(
            ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), Double(width), Double(height))
        if let s, cairo_surface_status(s) == CAIRO_STATUS_SUCCESS {
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, ChartRenderer.fixedPDFDate)
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "ChartDraw")
        }
        return try wrap(s, sink: sink, what: "create a PDF surface")
    }

    private static func wrap(_ s: OpaquePointer?, sink: ByteSink?, what: String) throws(RenderError) -> CairoSurface {
        guard let s else { throw .cairo(operation: what, status: .noMemory) }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            throw .cairo(operation: what, status: CairoStatus(status))
        }
        guard let cr = cairo_create(s) else {
            cairo_surface_destroy(s)
            throw .cairo(operation: what, status: .noMemory)
        }
        let crStatus = cairo_status(cr)
        guard crStatus == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(cr)
            cairo_surface_destroy(s)
            throw .cairo(operation: "create a drawing context", status: CairoStatus(crStatus))
        }
        return CairoSurface(surface: s, context: cr, sink: sink)
    }

    /// Checks the context and surface status after painting.
    func checkStatus(_ operation: String) throws(RenderError) {
        let crStatus = cairo_status(context)
        guard crStatus == CAIRO_STATUS_SUCCESS else {
            throw .cairo(operation: operation, status: CairoStatus(crStatus))
        }
        let sStatus = cairo_surface_status(surface)
        guard sStatus == CAIRO_STATUS_SUCCESS else { throw .cairo(operation: operation, status: CairoStatus(sStatus)) }
    }

    /// Finishes the surface (an SVG or PDF document is written out here) and checks status.
    func finish(_ operation: String) throws(RenderError) {
        try checkStatus(operation)
        cairo_surface_finish(surface)
        let sStatus = cairo_surface_status(surface)
        guard sStatus == CAIRO_STATUS_SUCCESS else { throw .cairo(operation: operation, status: CairoStatus(sStatus)) }
    }

    /// Cairo's text for a status.
    static func text(_ status: cairo_status_t) -> String {
        guard let s = cairo_status_to_string(status) else { return "status \(status.rawValue)" }
        return String(cString: s)
    }
}

/// Collects the bytes a Cairo stream surface writes.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The `cairo_write_func_t` appending to the sink passed as closure.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0, let data {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }
}
