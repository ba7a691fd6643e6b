import ChartDrawCore
import Testing

@Suite("Dump")
struct DumpTests {
    @Test func oneLinePerItemWithIndentedGroups() {
        var path = PixelPath()
        path.move(to: PixelPoint(x: 0.5, y: 10))
        path.line(to: PixelPoint(x: 100.125, y: -0.004))
        var box = PixelPath()
        box.addRect(PixelRect(x: 1, y: 2, width: 3, height: 4))
        let list = DisplayList(
            width: 320, height: 200, background: RGBAColor(red: 255, green: 255, blue: 255),
            items: [
                .beginGroup("grid"),
                .stroke(path, StrokeStyle(color: RGBAColor(red: 0xF0, green: 0xF3, blue: 0xFA), width: 1)),
                .pushClip(PixelRect(x: 0, y: 0, width: 250, height: 180)),
                .beginGroup("inner"),
                .fill(box, RGBAColor(red: 0x29, green: 0x62, blue: 0xFF, alpha: 0x33)),
                .endGroup,
                .popClip,
                .endGroup,
                .stroke(
                    path,
                    StrokeStyle(
                        color: RGBAColor(red: 1, green: 2, blue: 3), width: 2.5, dash: [4, 3], cap: .round, join: .bevel
                    )),
                .text(
                    TextRun(
                        text: "1.34500", origin: PixelPoint(x: 408, y: 88.0149),
                        font: FontSpec(weight: .bold, size: 11), color: RGBAColor(red: 0, green: 0, blue: 0))),
            ])
        #expect(
            list.dump() == """
                canvas 320x200 background #FFFFFF
                group grid
                  stroke #F0F3FA w1.00 M 0.50,10.00 L 100.13,0.00
                  clip 0.00,0.00 250.00x180.00
                  group inner
                    fill #2962FF33 M 1.00,2.00 L 4.00,2.00 L 4.00,6.00 L 1.00,6.00 Z
                  end inner
                  unclip
                end grid
                stroke #010203 w2.50 dash 4.00,3.00 cap round join bevel M 0.50,10.00 L 100.13,0.00
                text "1.34500" at 408.00,88.01 bold 11.00 #000000

                """)
    }

    @Test func opaqueColoursHaveNoAlphaEvenWhenWrittenWithIt() {
        let c = RGBAColor(hex: "#FF0000FF")!
        let list = DisplayList(width: 1, height: 1, background: c)
        #expect(list.dump() == "canvas 1x1 background #FF0000\n")
    }
}
