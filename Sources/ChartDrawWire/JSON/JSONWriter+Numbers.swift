extension JSONWriter {
    /// The shortest text that reads back to `v`, in ECMAScript Number-to-String style:
    /// `2`, `1.345`, `0.000001`, `1e-7`, `123456789012345680000`, `1e+21`; `-0` is `0`;
    /// not finite is `null`.
    ///
    /// The digits come from Swift's shortest round-trip `description`; only their layout
    /// changes.
    public static func formatNumber(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == 0 { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        // Split Swift's description into sign, digits and the decimal point position n
        // (value = 0.d1d2...dk * 10^n).
        let desc = Array(v.description.utf8)
        var digits: [UInt8] = []
        var neg = false
        var pointAt = -1
        var exp = 0
        var k = 0
        if desc.first == UInt8(ascii: "-") {
            neg = true
            k = 1
        }
        while k < desc.count {
            let c = desc[k]
            if c == UInt8(ascii: ".") {
                pointAt = digits.count
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var e = 0
                var eneg = false
                var j = k + 1
                if j < desc.count && (desc[j] == UInt8(ascii: "-") || desc[j] == UInt8(ascii: "+")) {
                    eneg = desc[j] == UInt8(ascii: "-")
                    j += 1
                }
                while j < desc.count {
                    e = e * 10 + Int(desc[j] - 48)
                    j += 1
                }
                exp = eneg ? -e : e
                break
            } else {
                digits.append(c)
            }
            k += 1
        }
        if pointAt < 0 { pointAt = digits.count }
        var n = pointAt + exp
        // Strip leading zeros (0.00123) and trailing zeros (2.50).
        while digits.count > 1 && digits[0] == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.count > 1 && digits[digits.count - 1] == UInt8(ascii: "0") { digits.removeLast() }
        let kd = digits.count
        var out: [UInt8] = neg ? [UInt8(ascii: "-")] : []
        if kd <= n && n <= 21 {
            out += digits
            out += [UInt8](repeating: UInt8(ascii: "0"), count: n - kd)
        } else if 0 < n && n <= 21 {
            out += digits[0..<n]
            out.append(UInt8(ascii: "."))
            out += digits[n...]
        } else if -6 < n && n <= 0 {
            out += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            out += [UInt8](repeating: UInt8(ascii: "0"), count: -n)
            out += digits
        } else {
            out.append(digits[0])
            if kd > 1 {
                out.append(UInt8(ascii: "."))
                out += digits[1...]
            }
            out.append(UInt8(ascii: "e"))
            let e = n - 1
            out.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            out += Array(String(abs(e)).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
