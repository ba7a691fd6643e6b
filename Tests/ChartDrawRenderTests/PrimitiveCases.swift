import ChartDrawCore
import Glibc

/// Small display lists, each exercising one kind of primitive, drawn on tiny canvases.
enum PrimitiveCases {
    static let ink = RGBAColor(red: 0x1E, green: 0x22, blue: 0x2D)
    static let white = RGBAColor(red: 255, green: 255, blue: 255)
    static let red = RGBAColor(red: 0xEF, green: 0x53, blue: 0x50)
    static let green = RGBAColor(red: 0x26, green: 0xA6, blue: 0x9A)
    static let blue = RGBAColor(red: 0x29, green: 0x62, blue: 0xFF)

    /// Every case by name (the golden file name).
    static let all: [String: DisplayList] = [
        "lines-crisp": linesCrisp,
        "dashes": dashes,
        "round-dots": roundDots,
        "joins-caps": joinsCaps,
        "polygon-alpha": polygonAlpha,
        "clip-nested": clipNested,
        "text-regular": text(.regular),
        "text-bold": text(.bold),
        "dark-background": darkBackground,
        "transparent-background": transparentBackground,
    ]

    static var names: [String] { all.keys.sorted() }

    static func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> PixelPath {
        PixelPath([.move(PixelPoint(x: x0, y: y0)), .line(PixelPoint(x: x1, y: y1))])
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> PixelPath {
        var p = PixelPath()
        p.addRect(PixelRect(x: x, y: y, width: w, height: h))
        return p
    }

    /// The coordinate of a crisp line of `width` near `k`: pixel centre for odd widths, pixel
    /// edge for even ones.
    static func crisp(_ k: Int, width: Int) -> Double { width % 2 == 1 ? Double(k) + 0.5 : Double(k) }

    /// Horizontal lines of widths 1-4 on the left, vertical ones on the right: no grey edges.
    static var linesCrisp: DisplayList {
        var items: [DisplayItem] = []
        for w in 1...4 {
            let y = crisp(8 + (w - 1) * 14, width: w)
            items.append(.stroke(line(4, y, 44, y), StrokeStyle(color: ink, width: Double(w))))
            let x = crisp(56 + (w - 1) * 10, width: w)
            items.append(.stroke(line(x, 4, x, 60), StrokeStyle(color: blue, width: Double(w))))
        }
        return DisplayList(width: 96, height: 64, background: white, items: items)
    }

    /// Dash patterns at widths 1 and 2, butt and square caps.
    static var dashes: DisplayList {
        let patterns: [[Double]] = [[4, 2], [1, 1], [6, 3, 1, 3], [8, 4]]
        var items: [DisplayItem] = []
        for (i, dash) in patterns.enumerated() {
            let y = 6.5 + Double(i) * 8
            items.append(.stroke(line(4, y, 92, y), StrokeStyle(color: ink, width: 1, dash: dash)))
        }
        items.append(.stroke(line(4, 42, 92, 42), StrokeStyle(color: red, width: 2, dash: [6, 4])))
        items.append(.stroke(line(4, 52, 92, 52), StrokeStyle(color: green, width: 2, dash: [4, 6], cap: .square)))
        items.append(.stroke(line(4.5, 58.5, 30.5, 58.5), StrokeStyle(color: blue, width: 1, dash: [2, 2])))
        return DisplayList(width: 96, height: 64, background: white, items: items)
    }

    /// Zero-length dashes with round caps: a row of dots, and a dotted diagonal.
    static var roundDots: DisplayList {
        DisplayList(
            width: 96, height: 64, background: white,
            items: [
                .stroke(line(6, 10, 90, 10), StrokeStyle(color: ink, width: 3, dash: [0, 6], cap: .round)),
                .stroke(line(6, 24, 90, 24), StrokeStyle(color: red, width: 5, dash: [0, 10], cap: .round)),
                .stroke(line(6, 58, 90, 34), StrokeStyle(color: blue, width: 2, dash: [0, 5], cap: .round)),
            ])
    }

    /// A thick zig-zag with each join, and thick segments with each cap.
    static var joinsCaps: DisplayList {
        var items: [DisplayItem] = []
        let joins: [StrokeStyle.Join] = [.miter, .round, .bevel]
        for (i, j) in joins.enumerated() {
            let x = 8 + Double(i) * 30
            let zigzag = PixelPath([
                .move(PixelPoint(x: x, y: 30)), .line(PixelPoint(x: x + 10, y: 8)),
                .line(PixelPoint(x: x + 20, y: 30)),
            ])
            items.append(.stroke(zigzag, StrokeStyle(color: ink, width: 6, join: j)))
        }
        let caps: [StrokeStyle.Cap] = [.butt, .round, .square]
        for (i, c) in caps.enumerated() {
            let y = 42 + Double(i) * 8
            items.append(.stroke(line(20, y, 76, y), StrokeStyle(color: red, width: 5, cap: c)))
        }
        // Guides at the line ends: caps reach past them by half the width (round, square).
        items.append(.stroke(line(20.5, 36, 20.5, 62), StrokeStyle(color: blue, width: 1)))
        items.append(.stroke(line(75.5, 36, 75.5, 62), StrokeStyle(color: blue, width: 1)))
        return DisplayList(width: 96, height: 64, background: white, items: items)
    }

    /// An opaque square, a half-transparent triangle over it, and a self-intersecting star
    /// whose centre non-zero winding fills.
    static var polygonAlpha: DisplayList {
        let triangle = PixelPath([
            .move(PixelPoint(x: 10, y: 56)), .line(PixelPoint(x: 30, y: 6)), .line(PixelPoint(x: 50, y: 56)), .close,
        ])
        var star = PixelPath()
        let cx = 72.0, cy = 34.0, r = 22.0
        for k in 0..<5 {
            let angle = -Double.pi / 2 + Double(k * 2) * 2 * Double.pi / 5
            let p = PixelPoint(x: cx + r * cos(angle), y: cy + r * sin(angle))
            if k == 0 { star.move(to: p) } else { star.line(to: p) }
        }
        star.close()
        return DisplayList(
            width: 96, height: 64, background: white,
            items: [
                .fill(rect(4, 20, 30, 30), blue),
                .fill(triangle, red.withAlpha(0.5)),
                .fill(star, green),
            ])
    }

    /// Nested clips: fills limited to the clip, a stroke after the inner pop still clipped by
    /// the outer rectangle, and one after the outer pop not clipped at all.
    static var clipNested: DisplayList {
        DisplayList(
            width: 96, height: 64, background: white,
            items: [
                .pushClip(PixelRect(x: 10, y: 8, width: 50, height: 40)),
                .fill(rect(0, 0, 96, 64), green.withAlpha(0.4)),
                .pushClip(PixelRect(x: 30, y: 20, width: 60, height: 40)),
                .fill(rect(0, 0, 96, 64), blue),
                .popClip,
                .stroke(line(0, 40.5, 96, 40.5), StrokeStyle(color: red, width: 3)),
                .popClip,
                .stroke(line(0, 56.5, 96, 56.5), StrokeStyle(color: ink, width: 1)),
            ])
    }

    /// "Hg 1.2345" at 11, 12 and 15 px, with a baseline guide under the first.
    static func text(_ weight: FontSpec.Weight) -> DisplayList {
        var items: [DisplayItem] = [
            .stroke(
                line(0, 14.5, 96, 14.5), StrokeStyle(color: RGBAColor(red: 0xC0, green: 0xC8, blue: 0xFF), width: 1))
        ]
        for (i, size) in [11.0, 12, 15].enumerated() {
            let run = TextRun(
                text: "Hg 1.2345", origin: PixelPoint(x: 4, y: 14 + Double(i) * 20),
                font: FontSpec(weight: weight, size: size), color: ink)
            items.append(.text(run))
        }
        return DisplayList(width: 96, height: 64, background: white, items: items)
    }

    /// A dark theme: grid, two candles, a price label on a tag.
    static var darkBackground: DisplayList {
        let grid = RGBAColor(red: 0x2A, green: 0x2E, blue: 0x39)
        var items: [DisplayItem] = []
        for k in [15, 31, 47] {
            items.append(.stroke(line(0, Double(k) + 0.5, 96, Double(k) + 0.5), StrokeStyle(color: grid, width: 1)))
        }
        items.append(.stroke(line(12.5, 6, 12.5, 40), StrokeStyle(color: green, width: 1)))
        items.append(.fill(rect(9, 12, 7, 20), green))
        items.append(.stroke(line(26.5, 14, 26.5, 52), StrokeStyle(color: red, width: 1)))
        items.append(.fill(rect(23, 22, 7, 24), red))
        items.append(.fill(rect(40, 24, 52, 16), blue))
        items.append(
            .text(
                TextRun(
                    text: "1.0850", origin: PixelPoint(x: 44, y: 36), font: FontSpec(weight: .bold, size: 12),
                    color: white)))
        return DisplayList(
            width: 96, height: 64, background: RGBAColor(red: 0x13, green: 0x17, blue: 0x22), items: items)
    }

    /// No background: the PNG keeps alpha (colour type 6).
    static var transparentBackground: DisplayList {
        DisplayList(
            width: 96, height: 64, background: RGBAColor(red: 0, green: 0, blue: 0, alpha: 0),
            items: [
                .fill(rect(8, 8, 40, 40), blue.withAlpha(0.6)),
                .fill(rect(28, 20, 40, 36), red.withAlpha(0.3)),
                .stroke(line(4, 58.5, 92, 58.5), StrokeStyle(color: ink, width: 1)),
            ])
    }
}
