public import ChartDraw

/// Every size limit of the service, in one place.
///
/// Going past a limit answers 413 (Content Too Large) with a message naming the limit; a
/// request within the limits is then checked by the libraries' own rules (422 when invalid).
public struct ServerLimits: Sendable, Hashable {
    /// Largest request body of `/v1/validate` and `/v1/payload/*`, in bytes.
    public var maxDocumentBytes: Int
    /// Largest request body of `/v1/render` (analysis, candles and options), in bytes.
    public var maxRenderBytes: Int
    /// Most device pixels of one rendered image (width x scale times height x scale).
    public var maxImagePixels: Int

    /// Creates limits; the defaults fit an analysis of 1,000 drawings, 20,000 candles and a
    /// 4K image at scale 2.
    public init(maxDocumentBytes: Int = 1 << 20, maxRenderBytes: Int = 8 << 20, maxImagePixels: Int = 16_777_216) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxRenderBytes = maxRenderBytes
        self.maxImagePixels = min(maxImagePixels, ChartOptions.maximumDevicePixels)
    }
}
