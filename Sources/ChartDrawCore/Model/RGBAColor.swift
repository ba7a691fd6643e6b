/// A colour in sRGB with 8-bit channels and an alpha channel, written `#RRGGBB` or `#RRGGBBAA`.
public struct RGBAColor: Hashable, Sendable {
    /// Red, 0 to 255.
    public var red: UInt8
    /// Green, 0 to 255.
    public var green: UInt8
    /// Blue, 0 to 255.
    public var blue: UInt8
    /// Alpha, 0 (transparent) to 255 (opaque).
    public var alpha: UInt8
    /// Whether the colour was written with an alpha part (`#RRGGBBAA`); kept for round trips.
    public var hasExplicitAlpha: Bool

    /// Creates a colour; `hasExplicitAlpha` defaults to whether `alpha` is not opaque.
    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255, hasExplicitAlpha: Bool? = nil) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
        self.hasExplicitAlpha = hasExplicitAlpha ?? (alpha != 255)
    }

    /// Parses `#RRGGBB` or `#RRGGBBAA` in either case; `nil` otherwise.
    public init?(hex: String) {
        let u = Array(hex.utf8)
        guard u.count == 7 || u.count == 9, u[0] == UInt8(ascii: "#") else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        var bytes: [UInt8] = []
        var i = 1
        while i < u.count {
            guard let h = nibble(u[i]), let l = nibble(u[i + 1]) else { return nil }
            bytes.append(h << 4 | l)
            i += 2
        }
        self.init(
            red: bytes[0], green: bytes[1], blue: bytes[2], alpha: bytes.count == 4 ? bytes[3] : 255,
            hasExplicitAlpha: bytes.count == 4)
    }

    /// The canonical text: upper-case `#RRGGBB`, or `#RRGGBBAA` when alpha was given.
    public var hex: String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = [UInt8(ascii: "#")]
        for v in hasExplicitAlpha ? [red, green, blue, alpha] : [red, green, blue] {
            out.append(digits[Int(v >> 4)])
            out.append(digits[Int(v & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same colour with another alpha (0 to 1).
    public func withAlpha(_ a: Double) -> RGBAColor {
        RGBAColor(red: red, green: green, blue: blue, alpha: UInt8(max(0, min(255, (a * 255).rounded()))))
    }

    /// Alpha as a fraction, 0 to 1.
    public var opacity: Double { Double(alpha) / 255 }
}

extension RGBAColor: CustomStringConvertible {
    /// The canonical hex text.
    public var description: String { hex }
}
