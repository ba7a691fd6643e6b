public import ChartDraw

/// Every size limit of the service, in one place.
///
/// The service's limits are at most the engine's (`ChartDrawCore/ResourceLimits/standard`):
/// an operator may tighten them, never loosen them past what the libraries accept. Going past a limit answers 413 (Content Too Large) with a message naming the limit; a
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
        let engine = ResourceLimits.standard
        self.maxDocumentBytes = min(maxDocumentBytes, engine.maxBodyBytes)
        self.maxRenderBytes = min(maxRenderBytes, engine.maxBodyBytes + engine.maxCandleFileBytes)
        self.maxImagePixels = min(maxImagePixels, ChartOptions.maximumDevicePixels, engine.maxImagePixels)
    }
}
