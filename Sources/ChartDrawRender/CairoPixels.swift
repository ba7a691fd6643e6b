/// Cairo's premultiplied ARGB32 pixels as straight (not premultiplied) RGBA bytes: the one
/// conversion behind ``RGBAImage`` snapshots and PNG encoding.
enum CairoPixels {
    /// Writes the `width` pixels of `row` as R, G, B, A bytes from `out` on. A fully
    /// transparent pixel becomes all zeros; a partly transparent one is divided by its alpha,
    /// rounded to nearest. With `opaqueOnly` (Cairo RGB24) alpha is ignored and written as 255.
    @inline(__always)
    static func unpremultiply(
        _ row: UnsafePointer<UInt32>, width: Int, opaqueOnly: Bool = false, into out: UnsafeMutablePointer<UInt8>
    ) {
        var dst = out
        for x in 0..<width {
            let p = row[x]
            let a = opaqueOnly ? 255 : p >> 24
            var r = (p >> 16) & 0xFF
            var g = (p >> 8) & 0xFF
            var b = p & 0xFF
            if a != 255 {
                if a == 0 {
                    r = 0
                    g = 0
                    b = 0
                } else {
                    r = (r * 255 + a / 2) / a
                    g = (g * 255 + a / 2) / a
                    b = (b * 255 + a / 2) / a
                }
            }
            dst[0] = UInt8(truncatingIfNeeded: r)
            dst[1] = UInt8(truncatingIfNeeded: g)
            dst[2] = UInt8(truncatingIfNeeded: b)
            dst[3] = UInt8(truncatingIfNeeded: a)
            dst += 4
        }
    }
}
