/// Fixed-decimal price text and the choice of how many decimals an instrument shows.
///
/// Formatting works on the shortest decimal form of the `Double` (the digits Swift prints, the
/// digits the user typed), rounding half away from zero there: 1.345 with 2 decimals is "1.35",
/// as a trader expects, although the nearest binary value lies a hair below 1.345. Any finite
/// magnitude is exact (1e20 prints every digit); no Foundation.
public enum PriceFormat {
    /// The most decimals any label shows.
    package static let maximumDecimals = 12

    /// `value` with exactly `decimals` digits after the point (0 gives no point); "-" for a
    /// value that is not finite. A result that rounds to zero has no minus sign.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        let d = Swift.max(0, Swift.min(decimals, 340))
        let (negative, digits, intLen) = decompose(value)
        // Integer digits, then `d` fraction digits, of the exact decimal form.
        var out: [UInt8] = []
        out.reserveCapacity(Swift.max(intLen, 1) + d + 2)
        let total = Swift.max(intLen, 0) + d
        for k in 0..<total {
            // Position k of the kept digits is digit index k (integer part) or intLen + j.
            let idx = intLen > 0 ? k : (k + intLen)
            out.append(idx >= 0 && idx < digits.count ? digits[idx] : 0)
        }
        let nextIdx = Swift.max(intLen, 0) + d + (intLen > 0 ? 0 : intLen)
        let next = nextIdx >= 0 && nextIdx < digits.count ? digits[nextIdx] : 0
        var intDigits = Swift.max(intLen, 0)
        if next >= 5 {
            var i = out.count - 1
            var carry = true
            while carry && i >= 0 {
                if out[i] == 9 {
                    out[i] = 0
                    i -= 1
                } else {
                    out[i] += 1
                    carry = false
                }
            }
            if carry {
                out.insert(1, at: 0)
                intDigits += 1
            }
        }
        let isZero = !out.contains { $0 != 0 }
        var text: [UInt8] = []
        text.reserveCapacity(out.count + 3)
        if negative && !isZero { text.append(UInt8(ascii: "-")) }
        if intDigits == 0 {
            text.append(UInt8(ascii: "0"))
        } else {
            for k in 0..<intDigits { text.append(48 + out[k]) }
        }
        if d > 0 {
            text.append(UInt8(ascii: "."))
            for k in intDigits..<out.count { text.append(48 + out[k]) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Sign, decimal digits (0-9) and the number of digits before the point (may be negative
    /// or exceed the digit count) of the shortest decimal form of a finite value.
    static func decompose(_ value: Double) -> (negative: Bool, digits: [UInt8], intLen: Int) {
        let text = Array(value.description.utf8)
        var i = 0
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var intLen = 0
        var seenPoint = false
        var exponent = 0
        while i < text.count {
            let c = text[i]
            if c >= 48 && c <= 57 {
                digits.append(c - 48)
                if !seenPoint { intLen += 1 }
            } else if c == UInt8(ascii: ".") {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var j = i + 1
                var expNegative = false
                if j < text.count, text[j] == UInt8(ascii: "-") || text[j] == UInt8(ascii: "+") {
                    expNegative = text[j] == UInt8(ascii: "-")
                    j += 1
                }
                while j < text.count, text[j] >= 48, text[j] <= 57 {
                    exponent = exponent * 10 + Int(text[j] - 48)
                    j += 1
                }
                if expNegative { exponent = -exponent }
                break
            }
            i += 1
        }
        return (negative, digits, intLen + exponent)
    }

    /// The decimals an instrument trading near `magnitude` usually shows: about six
    /// significant digits with at least 2 decimals (1.345 → 5, 150 → 3, 5000 → 2), four
    /// significant digits for sub-cent prices (0.00001234 → 8), at most ``maximumDecimals``.
    package static func instrumentDecimals(magnitude: Double) -> Int {
        let m = abs(magnitude)
        guard m.isFinite, m > 0 else { return 2 }
        let e = decimalExponent(m)
        let d: Int
        if m >= 1 {
            d = Swift.max(2, 5 - e)
        } else if m >= 0.01 {
            d = 4 - e
        } else {
            d = 3 - e
        }
        return Swift.min(d, maximumDecimals)
    }

    /// The fewest decimals (0 to ``maximumDecimals``) that write `step` exactly
    /// (0.25 → 2, 5 → 0, 0.0005 → 4).
    package static func stepDecimals(_ step: Double) -> Int {
        let s = abs(step)
        guard s.isFinite, s > 0 else { return 0 }
        var scaled = s
        for d in 0...maximumDecimals {
            if abs(scaled - scaled.rounded()) <= scaled * 1e-9 { return d }
            scaled *= 10
        }
        return maximumDecimals
    }

    /// The decimals `value` was written with: the fewest (0 to ``maximumDecimals``) whose
    /// decimal form reads back as the same `Double` (1.34567 → 5, 227.4 → 1, 100 → 0);
    /// `nil` for a value that needs more, such as a computed price (100.1 × 1.003).
    package static func ownDecimals(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        var p = 1.0
        for d in 0...maximumDecimals {
            let scaled = value * p
            // Beyond 2^53 every double is an integer, so the test below says nothing more.
            guard abs(scaled) < 9_007_199_254_740_992 else { return nil }
            if scaled.rounded() / p == value { return d }
            p *= 10
        }
        return nil
    }

    /// The decimals of data: the most any of `values` was written with; `nil` when a value
    /// needs more than ``maximumDecimals`` (computed prices carry no precision of their own)
    /// or when there are no values.
    package static func dataDecimals<S: Sequence<Double>>(_ values: S) -> Int? {
        var most: Int?
        for v in values {
            guard let d = ownDecimals(v) else { return nil }
            most = Swift.max(most ?? 0, d)
        }
        return most
    }

    /// Whether data written with `decimals` near `magnitude` was written by hand or by an
    /// exchange (at most two decimals more than ``instrumentDecimals(magnitude:)``): such
    /// decimals are the instrument's tick, more are the noise of a computation.
    package static func isPlausibleTick(decimals: Int, magnitude: Double) -> Bool {
        decimals <= instrumentDecimals(magnitude: magnitude) + 2
    }

    /// The decimals for a price axis: the instrument's usual precision for the magnitude,
    /// or more when the grid step needs them.
    package static func precision(step: Double, magnitude: Double) -> Int {
        Swift.min(maximumDecimals, Swift.max(instrumentDecimals(magnitude: magnitude), stepDecimals(step)))
    }

    /// `floor(log10(m))` for a positive finite `m`, without libm.
    package static func decimalExponent(_ m: Double) -> Int {
        guard m.isFinite, m > 0 else { return 0 }
        var e = 0
        var p = 1.0
        if m >= 1 {
            while p * 10 <= m {
                p *= 10
                e += 1
            }
        } else {
            while p > m {
                p /= 10
                e -= 1
            }
        }
        return e
    }

    /// `10^k` for an integer `k`, by repeated multiplication (exact up to 1e22).
    package static func powerOfTen(_ k: Int) -> Double {
        var p = 1.0
        if k >= 0 {
            for _ in 0..<k { p *= 10 }
        } else {
            for _ in 0..<(-k) { p /= 10 }
        }
        return p
    }

    /// A ratio of a Fibonacci level without trailing zeros: 0, 0.236, 0.5, 1, 1.618.
    package static func ratio(_ r: Double) -> String {
        var s = Array(format(r, decimals: 4).utf8)
        if s.contains(UInt8(ascii: ".")) {
            while s.last == UInt8(ascii: "0") { s.removeLast() }
            if s.last == UInt8(ascii: ".") { s.removeLast() }
        }
        return String(decoding: s, as: UTF8.self)
    }
}
