import ChartDrawCore
import ChartDrawRender
import Testing

@Suite struct RendererTests {
    let chart = PrimitiveCases.darkBackground

    @Test func concurrentRendersGiveIdenticalPixels() throws {
        let reference = try ChartRenderer.rasterize(chart)
        // Text of both weights at many sizes so the threads share the font faces.
        var list = PrimitiveCases.text(.bold)
        list.items += PrimitiveCases.text(.regular).items
        let textReference = try ChartRenderer.rasterize(list)
        let results = Locked<[(RGBAImage, RGBAImage)]>([])
        let errors = Locked<[String]>([])
        runOnThreads(4) { [chart, list] _ in
            for _ in 0..<10 {
                do {
                    let a = try ChartRenderer.rasterize(chart)
                    let b = try ChartRenderer.rasterize(list)
                    results.withLock { $0.append((a, b)) }
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let all = results.withLock { $0 }
        #expect(all.count == 40)
        for (a, b) in all {
            #expect(a == reference)
            #expect(b == textReference)
        }
    }

    @Test func paintedImageEncodesWhatRenderPNGWrites() throws {
        let painted = try ChartRenderer.paint(chart)
        #expect(painted.width == chart.width && painted.height == chart.height)
        let png = try painted.encodePNG()
        // Encoding twice from one surface, and the one-call path, give the same bytes.
        #expect(try painted.encodePNG() == png)
        #expect(try ChartRenderer.renderPNG(chart) == png)
        #expect(try ChartRenderer.decodePNG(png) == painted.rgba())
        #expect(painted.rgba() == (try ChartRenderer.rasterize(chart)))
    }

    @Test func pngBytesHoldNoSpareCapacity() throws {
        // Deflate needs room for about the raw image while it writes; the array
        // handed back must not keep that room, or a cache of a thousand small PNGs holds
        // gigabytes (seen in the server's cache benchmark before the encoder copied out).
        let png = try ChartRenderer.renderPNG(chart)
        let raw = chart.width * chart.height * 4
        #expect(png.count < raw / 8)
        #expect(png.capacity <= png.count + 4096, "capacity \(png.capacity) for \(png.count) bytes")
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        for format in ImageFormat.allCases {
            let first = try ChartRenderer.render(chart, format: format)
            _ = try ChartRenderer.rasterize(PrimitiveCases.linesCrisp)  // other surfaces in between
            let second = try ChartRenderer.render(chart, format: format)
            #expect(first == second, "\(format) output differs between two renders")
        }
    }

    @Test(arguments: ["dark-background", "transparent-background", "text-regular"])
    func pngRoundTripEqualsRasterize(_ name: String) throws {
        let list = try #require(PrimitiveCases.all[name])
        let pixels = try ChartRenderer.rasterize(list)
        let everyDeflater = PNGOptions.Deflater.allCases.flatMap { d in
            [
                PNGOptions(deflater: d), PNGOptions(level: 6, filter: .adaptive, deflater: d),
                PNGOptions(level: 0, filter: .none, deflater: d), PNGOptions(level: 3, filter: .paeth, deflater: d),
            ]
        }
        let zlibStrategies = PNGOptions.Filter.allCases.map {
            PNGOptions(level: 1, filter: $0, strategy: .rle, deflater: .zlib)
        }
        let isalLevels = (0...4).map { PNGOptions(level: $0, filter: .up, deflater: .isal) }
        for options in everyDeflater + zlibStrategies + isalLevels {
            let png = try ChartRenderer.renderPNG(list, options: options)
            #expect(try ChartRenderer.decodePNG(png) == pixels, "options \(options)")
        }
        #expect(try ChartRenderer.decodePNG(ChartRenderer.encodePNG(pixels)) == pixels)
    }

    @Test(arguments: [true, false])
    func incompressiblePixelsRoundTripWithEveryDeflater(opaque: Bool) throws {
        // Noise makes deflate fall back to stored blocks: the output bound must hold, across
        // many input chunks (the encoder feeds about 64 KiB of rows at a time).
        let width = 701
        let height = 333
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        for i in bytes.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes[i] = UInt8(truncatingIfNeeded: state >> 33)
            if i % 4 == 3 { bytes[i] = 255 }
        }
        if !opaque {
            // Fully transparent black every 97th pixel: RGBA output, and values that survive
            // the decoder's premultiplied surface exactly.
            for p in stride(from: 0, to: width * height, by: 97) {
                for c in 0..<4 { bytes[p * 4 + c] = 0 }
            }
        }
        let pixels = try #require(RGBAImage(width: width, height: height, pixels: bytes))
        for deflater in PNGOptions.Deflater.allCases {
            for level in [0, 1, 3, 9] {
                let options = PNGOptions(level: level, filter: .up, deflater: deflater)
                let png = try ChartRenderer.encodePNG(pixels, options: options)
                #expect(png[25] == (opaque ? 2 : 6))
                #expect(try ChartRenderer.decodePNG(png) == pixels, "options \(options)")
            }
        }
    }

    @Test func isalAndZlibGiveTheSamePixels() throws {
        // The deflaters differ in bytes, never in pixels; ISA-L is the default.
        #expect(PNGOptions().deflater == .isal)
        for (name, list) in PrimitiveCases.all.sorted(by: { $0.key < $1.key }).prefix(12) {
            let isal = try ChartRenderer.renderPNG(list)
            let zlib = try ChartRenderer.renderPNG(list, options: PNGOptions(deflater: .zlib))
            #expect(try ChartRenderer.decodePNG(isal) == ChartRenderer.decodePNG(zlib), "\(name)")
            #expect(try ChartRenderer.renderPNG(list) == isal, "\(name): two ISA-L encodes differ")
        }
    }

    @Test func opaqueImagesAreWrittenAsRGBAndTranslucentOnesAsRGBA() throws {
        let opaque = try ChartRenderer.renderPNG(PrimitiveCases.darkBackground)
        let translucent = try ChartRenderer.renderPNG(PrimitiveCases.transparentBackground)
        // IHDR colour type is byte 25: 8 signature + 4 length + 4 type + 4 width + 4 height + 1 depth.
        #expect(Array(opaque[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(opaque[25] == 2)
        #expect(translucent[25] == 6)
        #expect(Array(opaque.suffix(8)) == [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test func svgIsWellFormed() throws {
        let svg = String(decoding: try ChartRenderer.renderSVG(chart), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
        #expect(svg.contains("width=\"96px\""))
        #expect(svg.trimmingSuffixNewlines.hasSuffix("</svg>"))
    }

    @Test func pdfIsWellFormed() throws {
        let pdf = try ChartRenderer.renderPDF(chart)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.trimmingSuffixNewlines.hasSuffix("%%EOF"))
        // Cairo 1.16 writes the fixed date as `20000101000000Z` (later versions add `D:`).
        #expect(text.contains("/CreationDate (") && text.contains("20000101000000"))
        #expect(text.contains("DejaVuSans-Bold"))
    }

    @Test func emptyListRendersTheBackground() throws {
        let background = RGBAColor(red: 12, green: 200, blue: 99)
        let image = try ChartRenderer.rasterize(DisplayList(width: 7, height: 5, background: background))
        #expect(image == RGBAImage(width: 7, height: 5, fill: (12, 200, 99, 255)))
        let clear = try ChartRenderer.rasterize(
            DisplayList(width: 3, height: 2, background: RGBAColor(red: 1, green: 2, blue: 3, alpha: 0)))
        #expect(clear == RGBAImage(width: 3, height: 2, fill: (0, 0, 0, 0)))
        let half = try ChartRenderer.rasterize(
            DisplayList(width: 3, height: 2, background: RGBAColor(red: 255, green: 0, blue: 0, alpha: 128)))
        #expect(half == RGBAImage(width: 3, height: 2, fill: (255, 0, 0, 128)))
    }

    @Test func crispLinesCoverWholePixelsOnly() throws {
        let image = try ChartRenderer.rasterize(PrimitiveCases.linesCrisp)
        // The 1 px horizontal line sits on row 8 from x 4 to 43; rows 7 and 9 stay white.
        for x in 4..<44 {
            #expect(image[x, 8] == (0x1E, 0x22, 0x2D, 255))
            #expect(image[x, 7] == (255, 255, 255, 255))
            #expect(image[x, 9] == (255, 255, 255, 255))
        }
        // The 2 px line centred on y 22 covers rows 21 and 22 exactly.
        #expect(image[10, 21] == (0x1E, 0x22, 0x2D, 255))
        #expect(image[10, 22] == (0x1E, 0x22, 0x2D, 255))
        #expect(image[10, 20] == (255, 255, 255, 255))
        #expect(image[10, 23] == (255, 255, 255, 255))
        // The 1 px vertical line sits on column 56.
        #expect(image[56, 30] == (0x29, 0x62, 0xFF, 255))
        #expect(image[55, 30] == (255, 255, 255, 255))
        #expect(image[57, 30] == (255, 255, 255, 255))
    }

    @Test func clipsLimitPaintingAndPopRestores() throws {
        let image = try ChartRenderer.rasterize(PrimitiveCases.clipNested)
        #expect(image[5, 5] == (255, 255, 255, 255))  // outside both clips
        #expect(image[40, 30] == (0x29, 0x62, 0xFF, 255))  // inside both: blue
        #expect(image[70, 30] == (255, 255, 255, 255))  // inside inner only: clipped by outer
        #expect(image[5, 40] == (255, 255, 255, 255))  // red stroke is clipped by the outer clip
        #expect(image[20, 40] == (0xEF, 0x53, 0x50, 255))
        #expect(image[5, 56] == (0x1E, 0x22, 0x2D, 255))  // after both pops: unclipped
    }

    @Test func invalidListsGiveErrors() {
        let white = PrimitiveCases.white
        #expect(throws: RenderError.invalidCanvasSize(width: 0, height: 10)) {
            try ChartRenderer.rasterize(DisplayList(width: 0, height: 10, background: white))
        }
        #expect(throws: RenderError.invalidCanvasSize(width: 40000, height: 10)) {
            try ChartRenderer.renderPNG(DisplayList(width: 40000, height: 10, background: white))
        }
        #expect(throws: RenderError.invalidDisplayList(item: 0, reason: "popClip without a matching pushClip")) {
            try ChartRenderer.rasterize(DisplayList(width: 4, height: 4, background: white, items: [.popClip]))
        }
        let unclosed = DisplayList(
            width: 4, height: 4, background: white, items: [.pushClip(PixelRect(x: 0, y: 0, width: 2, height: 2))])
        #expect(throws: RenderError.self) { try ChartRenderer.renderSVG(unclosed) }
        let nan = DisplayList(
            width: 4, height: 4, background: white,
            items: [.fill(PrimitiveCases.line(0, .nan, 3, 3), white)])
        #expect(throws: RenderError.self) { try ChartRenderer.renderPDF(nan) }
        let badWidth = DisplayList(
            width: 4, height: 4, background: white,
            items: [.stroke(PrimitiveCases.line(0, 0, 3, 3), StrokeStyle(color: white, width: -1))])
        #expect(throws: RenderError.self) { try ChartRenderer.rasterize(badWidth) }
        let badDash = DisplayList(
            width: 4, height: 4, background: white,
            items: [.stroke(PrimitiveCases.line(0, 0, 3, 3), StrokeStyle(color: white, width: 1, dash: [0, 0]))])
        #expect(throws: RenderError.self) { try ChartRenderer.rasterize(badDash) }
        let badFont = DisplayList(
            width: 4, height: 4, background: white,
            items: [.text(TextRun(text: "x", origin: PixelPoint(x: 0, y: 0), font: FontSpec(size: 0), color: white))])
        #expect(throws: RenderError.self) { try ChartRenderer.rasterize(badFont) }
        // Text up to 256 device pixels is drawn; larger text would fill Cairo's glyph cache
        // with glyph images of its size, so it is refused with the limit named.
        func text(_ size: Double) -> DisplayList {
            DisplayList(
                width: 8, height: 8, background: white,
                items: [
                    .text(TextRun(text: "W", origin: PixelPoint(x: 0, y: 6), font: FontSpec(size: size), color: white))
                ])
        }
        #expect(throws: Never.self) { try ChartRenderer.rasterize(text(256)) }
        #expect(
            throws: RenderError.invalidDisplayList(
                item: 0, reason: "font size 257.0 is not a positive number up to 256 device pixels")
        ) { try ChartRenderer.rasterize(text(257)) }
        #expect(throws: RenderError.self) { try ChartRenderer.decodePNG([0x89, 0x50, 0x4E, 0x47]) }
    }

    @Test func errorsExplainThemselves() {
        #expect(RenderError.fontMissing(path: "/x.ttf").description.contains("install the fonts-dejavu-core package"))
        #expect(RenderError.invalidDisplayList(item: 3, reason: "r").description == "invalid display list item 3: r")
    }
}

extension String {
    var trimmingSuffixNewlines: Substring {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r" { s = s.dropLast() }
        return s
    }
}
