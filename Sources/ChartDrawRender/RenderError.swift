/// Why a display list could not be rendered or an image encoded or decoded.
public enum RenderError: Error, Hashable, Sendable {
    /// The canvas is empty or larger than Cairo's image surfaces allow.
    case invalidCanvasSize(width: Int, height: Int)
    /// The display list breaks its contract (a non-finite number, a negative stroke width, an
    /// unbalanced clip); `item` is the index of the offending item, or -1 for the canvas.
    case invalidDisplayList(item: Int, reason: String)
    /// A pinned font file is not installed.
    case fontMissing(path: String)
    /// A pinned font file exists but FreeType or Cairo could not load it.
    case fontLoadFailed(path: String, detail: String)
    /// Cairo reported an error status while performing `operation`.
    case cairo(operation: String, status: CairoStatus)
    /// The deflater (ISA-L or zlib) failed while encoding a PNG.
    case pngEncoding(String)
    /// The bytes are not a PNG Cairo can read, or the image size is unusable.
    case pngDecoding(String)
}

extension RenderError: CustomStringConvertible {
    /// The problem and, where there is one, its fix, in one sentence.
    public var description: String {
        switch self {
        case .invalidCanvasSize(let w, let h):
            return "cannot render a \(w)x\(h) canvas: width and height must each be 1 to "
                + "\(ChartRenderer.maximumSide) device pixels"
        case .invalidDisplayList(let item, let reason):
            return item < 0 ? "invalid display list: \(reason)" : "invalid display list item \(item): \(reason)"
        case .fontMissing(let path):
            let package = PinnedFonts.files.first { $0.path == path }?.package ?? "fonts-dejavu-core"
            return "font file \(path) is missing: install the \(package) package "
                + "(scripts/bootstrap.sh installs every pinned font)"
        case .fontLoadFailed(let path, let detail):
            return "cannot load font file \(path): \(detail)"
        case .cairo(let operation, let status):
            return "Cairo failed to \(operation): \(status)"
        case .pngEncoding(let detail):
            return "PNG encoding failed: \(detail)"
        case .pngDecoding(let detail):
            return "PNG decoding failed: \(detail)"
        }
    }
}
