// Fuzz target "painter": random display lists executed through Cairo (and Pango for text)
// on a small canvas: fills, strokes with dashes, caps and joins, text in several scripts and
// sizes, clips and groups, with coordinates now and then NaN, infinite or far out of range.
// Mostly painted on an image surface; some as PNG, SVG or PDF, some twice to compare.
//
// Property: a list the painter cannot draw is refused with a `RenderError`; anything else
// paints, and painting the same list twice gives the same pixels. A crash, a precondition,
// a leak, a hang or memory growing past the limit (`-rss_limit_mb`) is a finding.
import ChartDrawCore
import ChartDrawRender

/// The painter's readings of the bytes.
extension Bytes {
    /// A coordinate: mostly on and near a 96 px canvas in quarter pixels, sometimes any double.
    mutating func coordinate() -> Double {
        let b = u8()
        if b == 255 { return rawDouble() }
        if b == 254 { return Double(Int16(truncatingIfNeeded: u16())) * 64 }
        return (Double(b) - 32) + Double(u8() & 3) / 4
    }

    mutating func point() -> PixelPoint { PixelPoint(x: coordinate(), y: coordinate()) }

    mutating func color() -> RGBAColor { RGBAColor(red: u8(), green: u8(), blue: u8(), alpha: u8()) }

    /// Up to `limit` bytes of the input as text (invalid UTF-8 repaired as Swift does).
    mutating func text(limit: Int) -> String {
        let n = min(Int(u8()) % (limit + 1), data.count - min(i, data.count))
        defer { i += n }
        return String(decoding: UnsafeBufferPointer(rebasing: data[i..<(i + n)]), as: UTF8.self)
    }
}

/// Text in the scripts the pinned fonts cover, to go through shaping, bidi and fallback.
let samples = [
    "EURUSD 1.0850", "比特币突破阻力位", "اختراق المقاومة", "שבירת התנגדות", "การทะลุแนวต้าน",
    "प्रतिरोध का ब्रेकआउट", "Пробой", "🚀📈 👍🏽", "EUR/USD اختراق 1.0850 then ↑", "",
]

func makeList(_ r: inout Bytes) -> DisplayList {
    var list = DisplayList(width: Int(r.u8()) % 97, height: Int(r.u8()) % 97, background: r.color())
    var items = 0
    while !r.isEmpty && items < 64 {
        items += 1
        switch r.u8() % 9 {
        case 0, 1:
            list.items.append(.fill(path(&r), r.color()))
        case 2, 3:
            var dash: [Double] = []
            for _ in 0..<(r.u8() % 5) { dash.append(r.u8() == 255 ? r.rawDouble() : Double(r.u8()) / 8) }
            let width = r.u8() == 255 ? r.rawDouble() : Double(r.u8()) / 16
            let style = StrokeStyle(
                color: r.color(), width: width, dash: dash, cap: [.butt, .round, .square][Int(r.u8()) % 3],
                join: [.miter, .round, .bevel][Int(r.u8()) % 3])
            list.items.append(.stroke(path(&r), style))
        case 4:
            let sample = samples[Int(r.u8()) % samples.count]
            let text = r.u8() < 128 ? sample : sample + r.text(limit: 24)
            let s = r.u8()
            // Sizes the charts use, then larger ones up to and past the painter's limit.
            let size =
                s < 200 ? Double(s % 40) + Double(r.u8()) / 256 : s < 250 ? Double(r.u16() % 600) : r.rawDouble()
            let run = TextRun(
                text: text, origin: r.point(), font: FontSpec(weight: r.u8() & 1 == 0 ? .regular : .bold, size: size),
                color: r.color())
            list.items.append(.text(run))
        case 5:
            let rect = PixelRect(x: r.coordinate(), y: r.coordinate(), width: r.coordinate(), height: r.coordinate())
            list.items.append(.pushClip(rect))
        case 6:
            list.items.append(.popClip)
        case 7:
            list.items.append(r.u8() & 1 == 0 ? .beginGroup("g") : .endGroup)
        default:
            var p = PixelPath()
            p.addRect(PixelRect(x: r.coordinate(), y: r.coordinate(), width: r.coordinate(), height: r.coordinate()))
            list.items.append(.fill(p, r.color()))
        }
    }
    return list
}

func path(_ r: inout Bytes) -> PixelPath {
    var p = PixelPath()
    for _ in 0..<(r.u8() % 12) {
        switch r.u8() % 4 {
        case 0: p.move(to: r.point())
        case 3: p.close()
        default: p.line(to: r.point())
        }
    }
    return p
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPainter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var r = Bytes(data: UnsafeBufferPointer(start: data, count: size))
    let mode = r.u8()
    let list = makeList(&r)
    do {
        switch mode % 16 {
        case 0:
            _ = try ChartRenderer.renderSVG(list)
        case 1:
            _ = try ChartRenderer.renderPDF(list)
        case 2:
            _ = try ChartRenderer.renderPNG(list)
        case 3:
            let once = try ChartRenderer.rasterize(list)
            let twice = try ChartRenderer.rasterize(list)
            require(once == twice, "the same list painted twice gave different pixels")
        default:
            let image = try ChartRenderer.rasterize(list)
            require(image.width == list.width && image.height == list.height, "image size")
        }
    } catch {
        // Refused with a reason: fine.
    }
    return 0
}

/// Stops with `message` when `condition` is false: a finding. Unlike `precondition`, the
/// message is kept in an optimised build.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
