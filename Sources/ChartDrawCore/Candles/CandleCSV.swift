/// Reads candles from CSV bytes.
///
/// The first non-blank line is a header naming the columns `time`, `open`, `high`, `low`,
/// `close` and optionally `volume`, in any order, any letter case and the usual spellings
/// (`timestamp`, `date`, `datetime`, `open_time`, `Open Time`, `t`, `ts` for `time`; `o`, `h`,
/// `l`, `c`, `v`, `vol` for the others; other columns such as `Adj Close` are ignored). An
/// empty first header field is the time (pandas' `to_csv` writes the unnamed index so). Fields
/// are separated by `,`, or by `;` or a tab when the header has more of those than commas;
/// with `;`, a decimal comma (`1,2345`) is read as a point. Each further non-blank line is one
/// candle, oldest first. A time is ISO-8601 (`2024-01-08T12:00:00Z`, `2024-01-08 12:00:00`,
/// `2024-01-08T14:00:00+02:00`, `2024-01-08`; without a
/// zone it is UTC) or Unix seconds (`1704715200` or `1704715200.5`) or, from 10^11 on, Unix
/// milliseconds (`1704715200000`). Numbers are plain decimals with an optional exponent. Lines
/// end in LF or CRLF; the last newline is optional; a UTF-8 byte-order mark, spaces around
/// fields and double quotes around a whole field are allowed.
///
/// The first problem found is thrown with its 1-based line number and a fix.
public enum CandleCSV {
    /// The header the parser expects, for messages.
    public static let expectedHeader = "time,open,high,low,close[,volume]"

    /// Parses and validates CSV bytes (see the type's summary).
    public static func parse(_ bytes: [UInt8]) throws(CandleError) -> CandleSeries {
        try bytes.withUnsafeBufferPointer { (buf) throws(CandleError) -> CandleSeries in
            var parser = Parser(buf)
            return try parser.run()
        }
    }

    /// The columns the parser knows.
    enum Column: Int, CaseIterable {
        case time, open, high, low, close, volume

        var name: String {
            switch self {
            case .time: return "time"
            case .open: return "open"
            case .high: return "high"
            case .low: return "low"
            case .close: return "close"
            case .volume: return "volume"
            }
        }

        /// The column a header name means: letters compared without case, spaces, `_` and `-`.
        init?(header: [UInt8]) {
            var folded: [UInt8] = []
            folded.reserveCapacity(header.count)
            for c in header where c != 32 && c != 95 && c != 45 {
                folded.append(c >= 65 && c <= 90 ? c + 32 : c)
            }
            switch String(decoding: folded, as: UTF8.self) {
            case "time", "timestamp", "date", "datetime", "opentime", "t", "ts", "timeutc", "datetimeutc", "dateutc",
                "unix", "unixtime", "epoch":
                self = .time
            case "open", "o", "openprice": self = .open
            case "high", "h", "highprice": self = .high
            case "low", "l", "lowprice": self = .low
            case "close", "c", "closeprice", "last": self = .close
            case "volume", "v", "vol", "basevolume": self = .volume
            default: return nil
            }
        }
    }

    /// A one-pass line and field scanner over the input bytes.
    struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        /// Start of the next unread line.
        var pos = 0
        /// 1-based number of the line last read.
        var lineNumber = 0
        /// Field ranges of the current line (reused, never reallocated after the header).
        var fields: [Range<Int>] = []
        /// The field separator: `,`, `;` or a tab (chosen from the header line).
        var separator: UInt8 = 44

        init(_ b: UnsafeBufferPointer<UInt8>) {
            self.b = b
            // A UTF-8 byte-order mark.
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { pos = 3 }
        }

        /// Reads the next non-blank line into `fields`; false at the end of the input.
        mutating func nextLine() -> Bool {
            let n = b.count
            while pos < n {
                lineNumber += 1
                fields.removeAll(keepingCapacity: true)
                var f = pos
                var i = pos
                while i < n {
                    let c = b[i]
                    if c == 10 { break }
                    if c == separator {
                        fields.append(trimmed(f..<i))
                        f = i + 1
                    }
                    i += 1
                }
                pos = i + 1
                fields.append(trimmed(f..<i))  // trimming also drops the CR of CRLF
                if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
                return true
            }
            return false
        }

        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }

        /// The range without surrounding blanks, and without one pair of enclosing quotes.
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi && isSpace(b[lo]) { lo += 1 }
            while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
            if hi - lo >= 2 && b[lo] == 34 && b[hi - 1] == 34 {
                lo += 1
                hi -= 1
            }
            return lo..<hi
        }

        /// The field's text for messages, shortened when long.
        func text(_ r: Range<Int>) -> String {
            let cut = r.count > 40 ? r.lowerBound..<(r.lowerBound + 40) : r
            let s = String(decoding: UnsafeBufferPointer(rebasing: b[cut]), as: UTF8.self)
            return r.count > 40 ? s + "…" : s
        }

        func fail(_ message: String, index: Int? = nil) -> CandleError {
            CandleError(line: lineNumber, index: index, message: message)
        }

        /// Picks the separator from the first non-blank line: `;` or a tab when it has more of
        /// them than commas.
        mutating func chooseSeparator() {
            var k = pos
            while k < b.count, b[k] == 10 || isSpace(b[k]) { k += 1 }
            var commas = 0, semicolons = 0, tabs = 0
            while k < b.count, b[k] != 10 {
                switch b[k] {
                case 44: commas += 1
                case 59: semicolons += 1
                case 9: tabs += 1
                default: break
                }
                k += 1
            }
            if semicolons > commas && semicolons >= tabs {
                separator = 59
            } else if tabs > commas {
                separator = 9
            }
        }

        mutating func run() throws(CandleError) -> CandleSeries {
            chooseSeparator()
            guard nextLine() else {
                throw CandleError(
                    message: "the CSV is empty; write the header \(expectedHeader) and then one line per candle")
            }
            let headerLine = lineNumber
            // Column position of each known column.
            var position = [Int?](repeating: nil, count: Column.allCases.count)
            for (i, r) in fields.enumerated() {
                let lower = b[r].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                guard let column = Column(header: lower) else { continue }
                if let previous = position[column.rawValue] {
                    throw fail(
                        "the header names '\(column.name)' twice (columns \(previous + 1) and \(i + 1)); keep one")
                }
                position[column.rawValue] = i
            }
            // pandas writes an unnamed index (the times) as an empty first header field.
            if position[Column.time.rawValue] == nil, let first = fields.first, first.isEmpty, fields.count > 1 {
                position[Column.time.rawValue] = 0
            }
            guard let pTime = position[Column.time.rawValue], let pOpen = position[Column.open.rawValue],
                let pHigh = position[Column.high.rawValue], let pLow = position[Column.low.rawValue],
                let pClose = position[Column.close.rawValue]
            else {
                let required: [Column] = [.time, .open, .high, .low, .close]
                let missing = required.filter { position[$0.rawValue] == nil }
                let names = missing.map { "'\($0.name)'" }.joined(separator: ", ")
                let first = fields.first.map(text) ?? ""
                let looksLikeData = first.first.map { $0.isNumber } ?? false
                throw fail(
                    looksLikeData
                        ? "the first line is data, not a header; add the header \(expectedHeader) above it"
                        : "the header lacks \(names); expected \(expectedHeader) (any order, any case)")
            }
            let pVolume = position[Column.volume.rawValue]
            let columnCount = fields.count

            var candles: [Candle] = []
            candles.reserveCapacity(Swift.max(16, b.count / 48))
            var previousLine = 0
            while nextLine() {
                guard fields.count == columnCount else {
                    throw fail(
                        "expected \(columnCount) fields as in the header (line \(headerLine)), found \(fields.count); "
                            + "give every column a value")
                }
                let (rTime, rOpen, rHigh, rLow, rClose) = fields.withUnsafeBufferPointer {
                    ($0[pTime], $0[pOpen], $0[pHigh], $0[pLow], $0[pClose])
                }
                let rVolume = pVolume.map { fields[$0] }
                let time = try timestamp(rTime)
                let open = try number(rOpen, .open)
                let high = try number(rHigh, .high)
                let low = try number(rLow, .low)
                let close = try number(rClose, .close)
                var volume: Double? = nil
                if let rVolume, !rVolume.isEmpty { volume = try number(rVolume, .volume) }
                let candle = Candle(time: time, open: open, high: high, low: low, close: close, volume: volume)
                let index = candles.count
                if let problem = CandleSeries.valueProblem(candle) {
                    throw fail(problem, index: index)
                }
                if let prev = candles.last,
                    let problem = CandleSeries.orderProblem(candle, after: prev, previous: "line \(previousLine)")
                {
                    throw fail(problem, index: index)
                }
                candles.append(candle)
                previousLine = lineNumber
            }
            guard !candles.isEmpty else {
                throw CandleError(
                    line: headerLine, message: "the header is not followed by any candle; add one line per candle")
            }
            return CandleSeries(unchecked: candles)
        }

        /// An ISO-8601 time or Unix seconds or milliseconds.
        func timestamp(_ r: Range<Int>) throws(CandleError) -> Timestamp {
            guard !r.isEmpty else { throw fail("'time' is empty; give an ISO-8601 time or Unix seconds") }
            let f = UnsafeBufferPointer(rebasing: b[r])
            var isUnix = true
            for (k, c) in f.enumerated() where !(c >= 48 && c <= 57) && c != UInt8(ascii: ".") && !(k == 0 && c == 45) {
                isUnix = false
                break
            }
            if !isUnix {
                if let t = Timestamp.parse(f) { return t }
                if let t = Timestamp.parseLenient(f) { return t.timestamp }
                throw fail(
                    "time '\(text(r))' is not an ISO-8601 time of a real date like 2024-01-08T12:00:00Z, "
                        + "2024-01-08 12:00:00 or 2024-01-08T14:00:00+02:00, nor Unix seconds or milliseconds")
            }
            return try unixSeconds(f, r)
        }

        /// `[-]digits[.digits]` as an exact instant.
        func unixSeconds(_ f: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) throws(CandleError) -> Timestamp {
            var i = 0
            let negative = f[0] == 45
            if negative { i = 1 }
            var whole: Int64 = 0
            var intDigits = 0
            while i < f.count && f[i] != 46 {
                if intDigits >= 17 { throw outOfRange(r) }
                whole = whole * 10 + Int64(f[i] - 48)
                intDigits += 1
                i += 1
            }
            // From 10^11 on the number counts milliseconds.
            let milliseconds = Double(whole) >= Timestamp.millisecondThreshold
            var nanos: Int64 = 0
            var fracDigits = 0
            if i < f.count {
                i += 1  // the point
                while i < f.count {
                    guard f[i] != 46 else { throw badTime(r) }
                    if fracDigits >= 9 {
                        throw fail("time '\(text(r))' has more than 9 decimals; Unix seconds resolve to nanoseconds")
                    }
                    nanos = nanos * 10 + Int64(f[i] - 48)
                    fracDigits += 1
                    i += 1
                }
                guard fracDigits > 0 else { throw badTime(r) }
                for _ in fracDigits..<9 { nanos *= 10 }
            }
            guard intDigits > 0 else { throw badTime(r) }
            if milliseconds {
                // whole ms + nanos/1e9 ms: move three digits from the seconds to the fraction.
                let extra = nanos / 1_000_000
                guard extra * 1_000_000 == nanos else {
                    throw fail("time '\(text(r))' is finer than a nanosecond in Unix milliseconds")
                }
                nanos = (whole % 1000) * 1_000_000 + extra
                whole /= 1000
            }
            var seconds = negative ? -whole : whole
            if negative && nanos > 0 {
                seconds -= 1
                nanos = 1_000_000_000 - nanos
            }
            guard seconds >= Timestamp.minSeconds, seconds <= Timestamp.maxSeconds else { throw outOfRange(r) }
            return Timestamp(seconds: seconds, nanoseconds: Int32(nanos))
        }

        func badTime(_ r: Range<Int>) -> CandleError {
            fail("time '\(text(r))' is not a number of Unix seconds like 1704715200 or 1704715200.5 (or milliseconds)")
        }

        func outOfRange(_ r: Range<Int>) -> CandleError {
            fail(
                "time '\(text(r))' is beyond the years 0001 to 9999 in Unix seconds or milliseconds; "
                    + "if it counts microseconds or nanoseconds, divide it by 1000 or 1000000")
        }

        /// A decimal number: `[+-]digits[.digits][e[+-]digits]` (or `.digits`).
        func number(_ r: Range<Int>, _ column: Column) throws(CandleError) -> Double {
            guard !r.isEmpty else {
                throw fail("'\(column.name)' is empty; give a number")
            }
            let f = UnsafeBufferPointer(rebasing: b[r])
            if let v = CandleCSV.parseDecimal(f) { return v }
            if separator == 59, f.contains(44), !f.contains(46) {
                // A decimal comma, as spreadsheets in many locales write with `;` separators.
                let dotted = f.map { $0 == 44 ? 46 : $0 }
                if let v = dotted.withUnsafeBufferPointer({ CandleCSV.parseDecimal($0) }) { return v }
            }
            let lower = String(decoding: f.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            switch lower {
            case "nan", "+nan", "-nan":
                throw fail("\(column.name) is NaN; give a finite number")
            case "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity":
                throw fail("\(column.name) is infinite; give a finite number")
            default:
                throw fail("\(column.name) '\(text(r))' is not a number; write a decimal such as 1.2345")
            }
        }
    }

    /// 10^k for k in 0...22, exactly (every such power is representable in a Double, and so
    /// is each partial product).
    @inline(__always)
    static func powerOfTen(_ k: Int) -> Double {
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// ``parseDecimal(_:)-(UnsafeBufferPointer<UInt8>)`` for a string (a price given as text, as
    /// Binance and some JSON APIs send them).
    public static func parseDecimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parseDecimal(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before or after the
    /// point) into the nearest Double; `nil` for anything else (including `nan` and `inf`).
    /// Up to 15 significant digits without exponent take an exact fast path (one correctly
    /// rounded division); the rest go through the standard library's parser.
    public static func parseDecimal(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = f.count
        var negative = false
        if i < n && (f[i] == 43 || f[i] == 45) {
            negative = f[i] == 45
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var hasExponent = false
        while i < n {
            let c = f[i]
            if c >= 48 && c <= 57 {
                digits += 1
                if seenPoint { fractionDigits += 1 }
                if significant > 0 || c != 48 {
                    significant += 1
                    if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(c - 48) }
                }
            } else if c == 46 && !seenPoint {
                seenPoint = true
            } else if c == 101 || c == 69 {
                hasExponent = true
                break
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if hasExponent {
            i += 1
            if i < n && (f[i] == 43 || f[i] == 45) { i += 1 }
            let expStart = i
            while i < n && f[i] >= 48 && f[i] <= 57 { i += 1 }
            guard i == n, i > expStart else { return nil }
        }
        if !hasExponent && significant <= 15 && fractionDigits <= 22 {
            let v = Double(mantissa) / powerOfTen(fractionDigits)
            return negative ? -v : v
        }
        return Double(String(decoding: f, as: UTF8.self))
    }
}
