/// An output format of ``ChartRenderer/render(_:format:)``.
public enum ImageFormat: String, Hashable, Sendable, CaseIterable {
    /// A PNG raster image (``PNGOptions`` defaults).
    case png
    /// An SVG document with text drawn as glyph outlines and kept as invisible, selectable text.
    case svg
    /// A one-page PDF document with the fonts embedded as subsets.
    case pdf

    /// The usual file-name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The media type.
    public var mediaType: String {
        switch self {
        case .png: return "image/png"
        case .svg: return "image/svg+xml"
        case .pdf: return "application/pdf"
        }
    }
}
