import ChartDrawCore

/// Checks of single values, shared by the typed walk and the walk over values kept as sent.
extension Checker {
    /// Finite, positive and within `ChartDrawCore/PriceLimits/range`.
    @inline(__always)
    mutating func price(_ v: Double, _ path: @autoclosure () -> String, what: @autoclosure () -> String = "The price") {
        if !v.isFinite {
            report(
                path(), IssueCode.priceNotFinite, .error,
                "\(what()) is \(num(v)), not a finite number; send a finite price above 0.")
        } else if !(v > 0) {
            report(
                path(), IssueCode.priceNotPositive, .error, "\(what()) \(num(v)) is not positive; send a price above 0."
            )
        } else if !PriceLimits.range.contains(v) {
            report(
                path(), IssueCode.priceOutOfRange, .error,
                "\(what()) \(num(v)) is outside the prices the engine draws; send a price from \(PriceLimits.rangeText)."
            )
        }
    }

    /// Length and emptiness of a text.
    @inline(__always)
    mutating func text(
        _ t: String, max: Int, nonEmpty: Bool, name: @autoclosure () -> String, _ path: @autoclosure () -> String
    ) {
        let bytes = t.utf8.count
        if nonEmpty && bytes == 0 {
            report(path(), IssueCode.textEmpty, .error, "\(name()) is empty; give a non-empty text.")
        } else if bytes > max {
            let scalars = t.unicodeScalars.count
            if scalars > max {
                report(
                    path(), IssueCode.textTooLong, soft,
                    "\(name()) has \(scalars) characters, more than the limit of \(max); shorten it.")
            }
        }
    }

    /// Whole number of hours in range; a warning past a year.
    mutating func hours(_ h: Int64, _ path: @autoclosure () -> String) {
        if !WireLimits.expiryHours.contains(h) {
            report(
                path(), IssueCode.expiryHours, .error,
                "Expiry hours \(h) is out of range; give a whole number of hours from \(WireLimits.expiryHours.lowerBound) to \(WireLimits.expiryHours.upperBound)."
            )
        } else if h > WireLimits.expiryHoursWarning {
            report(
                path(), IssueCode.expiryLong, .warning,
                "Expiry of \(h) hours (\(h / 24) days) is longer than a year; check that hours, not minutes or days, were meant."
            )
        }
    }

    /// Hours given as a number that is not a whole Int64.
    mutating func hoursNumber(_ v: JSONNumber, _ path: String) {
        report(
            path, IssueCode.expiryHours, .error,
            "Expiry hours \(v.literal) is not a whole number of hours in range; give a whole number from \(WireLimits.expiryHours.lowerBound) to \(WireLimits.expiryHours.upperBound)."
        )
    }

    /// Whole number from 1 to 10.
    @inline(__always)
    mutating func lineWidth(_ w: Double, _ path: @autoclosure () -> String) {
        if !(w >= WireLimits.lineWidths.lowerBound && w <= WireLimits.lineWidths.upperBound) {
            report(
                path(), IssueCode.lineWidthRange, .error,
                "lineWidth \(num(w)) is out of range; give a whole number from \(num(WireLimits.lineWidths.lowerBound)) to \(num(WireLimits.lineWidths.upperBound))."
            )
        } else if w != w.rounded() {
            report(
                path(), IssueCode.lineWidthFraction, soft,
                "lineWidth \(num(w)) has a fraction; the API shows whole numbers, give \(num(w.rounded())).")
        }
    }

    /// Reports an open-enum value outside `known`.
    @inline(never)
    mutating func unknownEnum(_ v: String, known: String, name: String, _ path: String) {
        let values = known.split(separator: ",").map { String($0.trimmingPrefix(" ")) }
        if let meant = Suggestion.nearest(v, in: values) {
            report(
                path, IssueCode.enumUnknown, soft,
                "\(name) \(quoted(v)) is not a known value; did you mean \(quoted(meant))? Use one of \(known).",
                suggestion: meant)
        } else {
            report(path, IssueCode.enumUnknown, soft, "\(name) \(quoted(v)) is not a known value; use one of \(known).")
        }
    }

    mutating func direction(_ v: String, _ path: @autoclosure () -> String) {
        switch v {
        case "BULLISH", "BEARISH": return
        default: unknownEnum(v, known: "BULLISH, BEARISH", name: "direction", path())
        }
    }

    mutating func entryPlacement(_ v: String, _ path: @autoclosure () -> String) {
        switch v {
        case "ABOVE_CURRENT", "BELOW_CURRENT": return
        default: unknownEnum(v, known: "ABOVE_CURRENT, BELOW_CURRENT", name: "entryPlacement", path())
        }
    }

    mutating func expiryType(_ v: String, _ path: @autoclosure () -> String) {
        if v != "HOURS" { unknownEnum(v, known: "HOURS", name: "expiry type", path()) }
    }

    mutating func lineStyle(_ v: String, _ path: @autoclosure () -> String) {
        switch v {
        case "SOLID", "DASHED", "DOTTED": return
        default: unknownEnum(v, known: "SOLID, DASHED, DOTTED", name: "lineStyle", path())
        }
    }

    mutating func head(_ v: String, name: String, _ path: @autoclosure () -> String) {
        switch v {
        case "NONE", "ARROW": return
        default: unknownEnum(v, known: "NONE, ARROW", name: name, path())
        }
    }

    /// Fibonacci ratios: finite, in range, unique, ascending, 1 to 32 of them.
    mutating func fibonacciLevels(_ r: [Double], _ path: @autoclosure () -> String) {
        if r.isEmpty || r.count > WireLimits.maxFibonacciLevels {
            report(
                path(), IssueCode.fibonacciCount, .error,
                "levels has \(r.count) ratios; give 1 to \(WireLimits.maxFibonacciLevels) ratios, or omit levels for the default 0, 0.236, 0.382, 0.5, 0.618, 0.786, 1."
            )
        }
        var sorted = true
        for (k, v) in r.enumerated() {
            if !v.isFinite || !WireLimits.fibonacciRatios.contains(v) {
                report(
                    path() + "/\(k)", IssueCode.fibonacciRatio, .error,
                    "Fibonacci ratio \(num(v)) is not a finite number from \(num(WireLimits.fibonacciRatios.lowerBound)) to \(num(WireLimits.fibonacciRatios.upperBound)); fix or remove it."
                )
                continue
            }
            if k > 0 && r[k - 1].isFinite {
                if r[k - 1] == v {
                    report(
                        path() + "/\(k)", IssueCode.fibonacciDuplicate, .error,
                        "Fibonacci ratio \(num(v)) appears twice; remove the duplicate.")
                } else if r[k - 1] > v {
                    sorted = false
                } else if !sorted && r[0..<(k - 1)].contains(v) {
                    report(
                        path() + "/\(k)", IssueCode.fibonacciDuplicate, .error,
                        "Fibonacci ratio \(num(v)) appears twice; remove the duplicate.")
                }
            }
        }
        if !sorted {
            report(
                path(), IssueCode.fibonacciOrder, soft,
                "The Fibonacci ratios \(r.prefix(12).map(num).joined(separator: ", ")) are not in ascending order; sort them."
            )
        }
    }

    /// A time string kept as sent: accepted with a warning when it has a UTC offset,
    /// reported otherwise.
    mutating func rawTime(_ t: String, _ path: String) {
        if Timestamp(iso8601: t) != nil { return }
        if let l = Timestamp.parseLenient(t), l.isOffsetForm {
            timeNotUTC(t, path)
            return
        }
        timeString(t, path)
    }

    /// A time with a UTC offset: the instant it names, and its canonical form.
    mutating func timeNotUTC(_ t: String, _ path: String) {
        guard reportedNotUTC.insert(path).inserted else { return }
        let canonical = Timestamp.parseLenient(t).map { "\"\($0.timestamp.iso8601)\"" } ?? "UTC with Z"
        report(
            path, IssueCode.timeNotUTC, .warning,
            "Time \(quoted(t)) has a UTC offset; it is read as \(canonical), and the canonical body writes it so. Send UTC with Z."
        )
    }

    /// A time given as a string that did not decode: the fix names the same instant when the
    /// text can be read as one.
    mutating func timeString(_ t: String, _ path: String) {
        let fix: String
        if let l = Timestamp.parseLenient(t) {
            let zone = l.zone == .none ? " (read as UTC; it has no zone)" : ""
            fix = "write it as \"\(l.timestamp.iso8601)\"\(zone)"
        } else if let v = CandleCSV.parseDecimal(t), v == v.rounded(), let e = Timestamp(epochSecondsOrMilliseconds: v)
        {
            let unit = abs(v) >= Timestamp.millisecondThreshold ? "milliseconds" : "seconds"
            fix = "it looks like Unix \(unit); write it as \"\(e.iso8601)\""
        } else {
            fix = "write it as YYYY-MM-DDTHH:MM:SSZ (UTC, upper-case T and Z)"
        }
        report(
            path, IssueCode.timeFormat, .error, "Time \(quoted(t)) is not an ISO-8601 UTC time of a real date; \(fix).")
    }

    /// A time given as a number: Unix seconds or milliseconds, named with their ISO form.
    mutating func timeNumber(_ n: JSONNumber, _ path: String) {
        let v = n.value
        if let e = Timestamp(epochSecondsOrMilliseconds: v) {
            let unit = abs(v) >= Timestamp.millisecondThreshold ? "milliseconds" : "seconds"
            report(
                path, IssueCode.type, .error,
                "time is the number \(n.literal), which as Unix \(unit) is \(e.iso8601); send the string \"\(e.iso8601)\"."
            )
        } else {
            report(
                path, IssueCode.type, .error,
                "time is the number \(n.literal); send an ISO-8601 UTC time string like \"2026-01-08T12:00:00Z\".")
        }
    }

    /// A colour given as a string that did not decode.
    mutating func colorString(_ c: String, name: String, _ path: String) {
        report(
            path, IssueCode.colorFormat, .error,
            "\(name) \(quoted(c)) is not a colour; write it as #RRGGBB or #RRGGBBAA, e.g. \"#00FF33\".")
    }
}

/// A number for messages: its shortest form.
func num(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
    if v == 0 && v.sign == .minus { return "-0" }
    return JSONWriter.formatNumber(v)
}

/// A string for messages: JSON-quoted, cut at 60 characters.
func quoted(_ s: String) -> String {
    var w = JSONWriter()
    // Counting stops at 61 scalars and the cut is a slice: a long string costs what its first
    // 60 characters cost, not its length in scalars rebuilt one by one.
    let scalars = s.unicodeScalars
    if scalars.index(scalars.startIndex, offsetBy: 60, limitedBy: scalars.endIndex).map({ $0 < scalars.endIndex })
        == true
    {
        let cut = scalars.index(scalars.startIndex, offsetBy: 57)
        w.writeString(String(Substring(scalars[..<cut])) + "...")
    } else {
        w.writeString(s)
    }
    return String(decoding: w.bytes, as: UTF8.self)
}

/// A JSON value for messages, cut at 60 characters.
func describe(_ v: JSONValue) -> String {
    switch v {
    case .string(let s): return "the string " + quoted(s)
    case .number(let n): return "the number " + n.literal
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let a): return "an array of \(a.count)"
    case .object: return "an object"
    }
}
