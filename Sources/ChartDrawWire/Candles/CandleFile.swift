public import ChartDrawCore

/// The forms of candle data ``CandleFile`` reads.
public enum CandleFormat: String, Hashable, Sendable, CaseIterable {
    /// CSV with a header (see `ChartDrawCore/CandleCSV`).
    case csv
    /// A JSON array of objects `{"time": …, "open": …, "high": …, "low": …, "close": …,
    /// "volume": …}` (keys in the usual spellings, as in the CSV header).
    case json
    /// A JSON array of arrays in ccxt `fetch_ohlcv` order: `[[ms, open, high, low, close,
    /// volume], …]` (volume optional).
    case ccxt
    /// A JSON array of Binance klines: 12-element arrays `[openTime, "open", "high", "low",
    /// "close", "volume", closeTime, …]` with prices as strings.
    case binance
}

/// Reads candle data in the forms bots have: the one library entry point for candle bytes
/// (the `chartdraw` command and servers call it).
///
/// Without a format, the form is recognised from the content: a file whose first non-blank
/// byte is `[` or `{` is JSON, anything else CSV. JSON is an array of candles, or an object
/// holding that array under `candles` or `data` (other members are ignored). Each candle is an
/// object (``CandleFormat/json``), or an array of 5 or 6 elements (``CandleFormat/ccxt``) or
/// 12 (``CandleFormat/binance``); every candle of a file has the same form.
///
/// Times are ISO-8601 strings (with `T` or a space, with or without a zone; see
/// docs/candles.md), or numbers (or numeric strings) of Unix
/// seconds or, from 10^11 on, milliseconds. Prices and volumes are numbers or numeric strings;
/// a null or missing volume is no volume.
///
/// The input is read once, front to back, without building a tree; time and memory are linear
/// in its size. The first problem is thrown with its line and, for JSON, the JSON pointer of
/// the value (`line 12, /candles/3/high: …`).
public enum CandleFile {
    /// Parses and validates candle bytes in `format`, or in the form recognised from the
    /// content when `format` is nil.
    public static func parse(_ bytes: [UInt8], format: CandleFormat? = nil) throws(CandleError) -> CandleSeries {
        let limit = ResourceLimits.standard.maxCandleFileBytes
        guard bytes.count <= limit else {
            throw CandleError(
                message: "the candle file is \(bytes.count) bytes, more than the limit of \(limit); send fewer candles")
        }
        let form = format ?? detect(bytes)
        if form == .csv { return try CandleCSV.parse(bytes) }
        let r: Result<CandleSeries, CandleError> = bytes.withUnsafeBytes { buf in
            var reader = CandleJSONReader(buf, forced: format)
            do throws(CandleError) {
                return .success(try reader.run())
            } catch {
                return .failure(error)
            }
        }
        return try r.get()
    }

    /// Parses JSON candle bytes (any of the JSON forms).
    public static func parseJSON(_ bytes: [UInt8]) throws(CandleError) -> CandleSeries {
        let r: Result<CandleSeries, CandleError> = bytes.withUnsafeBytes { buf in
            var reader = CandleJSONReader(buf, forced: nil)
            do throws(CandleError) {
                return .success(try reader.run())
            } catch {
                return .failure(error)
            }
        }
        return try r.get()
    }

    /// The form recognised from the content: ``CandleFormat/csv``, or ``CandleFormat/json``
    /// for any JSON text (whose candles' form is recognised while reading).
    public static func detect(_ bytes: [UInt8]) -> CandleFormat {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "{") { return .json }
        return .csv
    }
}

/// A problem found while reading JSON candles: at a byte offset, with a JSON pointer.
private struct CandleReadError: Error {
    var offset: Int
    var path: String
    var index: Int?
    var message: String
}

/// Where a candle value is, kept as offsets until a message needs its JSON pointer.
private struct Where {
    var prefix: String
    var index: Int
    /// An array element's position, or -1 for an object member (then `key` says which).
    var element: Int
    var keyStart = 0
    var keyEnd = 0
    var keyEscaped: [UInt8]? = nil

    /// The JSON pointer, e.g. `/candles/3/high` or `/3/2`.
    func pointer(_ b: UnsafeRawBufferPointer) -> String {
        if element >= 0 { return prefix + "/\(index)/\(element)" }
        let key =
            keyEscaped.map { String(decoding: $0, as: UTF8.self) }
            ?? String(decoding: UnsafeRawBufferPointer(rebasing: b[keyStart..<keyEnd]), as: UTF8.self)
        return prefix + "/\(index)/" + JSONPointer.escape(key)
    }
}

/// One pass over JSON candle bytes with the JSON scanner.
private struct CandleJSONReader {
    var s: JSONScanner
    /// The format the caller asked for (nil: recognise it).
    let forced: CandleFormat?
    /// The form of the first candle; every other must match it.
    var rowForm: CandleFormat?
    /// The pointer of the candle array (`""`, `/candles`, `/data`).
    var prefix = ""
    var candles: [Candle] = []
    /// Byte offset of each candle, for the line of a later problem.
    var starts: [Int] = []

    init(_ bytes: UnsafeRawBufferPointer, forced: CandleFormat?) {
        s = JSONScanner(bytes)
        self.forced = forced
    }

    mutating func run() throws(CandleError) -> CandleSeries {
        do {
            if JSONParser.hasByteOrderMark(s.b) { s.i = 3 }
            s.skipWS()
            guard s.i < s.n else {
                throw CandleReadError(
                    offset: 0, path: "", message: "the candle file is empty; give a JSON array of candles")
            }
            try top()
            s.skipWS()
            if s.i < s.n { throw ScanError(kind: .trailingContent, offset: s.i, detail: s.describe(s.i)) }
        } catch let e as ScanError {
            let c = e.complete(in: s.b)
            throw CandleError(line: c.line, path: c.pointer, message: "the candle file is not valid JSON: \(c.message)")
        } catch let e as CandleReadError {
            throw CandleError(line: line(e.offset), index: e.index, path: e.path, message: e.message)
        } catch {
            throw CandleError(message: "\(error)")
        }
        guard !candles.isEmpty else {
            throw CandleError(line: 1, path: prefix, message: "the candle array is empty; give at least one candle")
        }
        do {
            return try CandleSeries(validating: candles)
        } catch {
            guard let k = error.index, k < starts.count else { throw error }
            throw CandleError(line: line(starts[k]), index: k, path: prefix + "/\(k)", message: error.message)
        }
    }

    func line(_ offset: Int) -> Int { JSONPointerLocator.lineColumn(s.b, offset: offset).0 }

    /// The top-level value: the candle array, or an object holding it.
    mutating func top() throws {
        let c = try s.peek()
        if c == UInt8(ascii: "[") { return try rows() }
        guard c == UInt8(ascii: "{") else {
            throw CandleReadError(
                offset: s.i, path: "",
                message:
                    "a JSON candle file must be an array of candles, or an object with them under \"candles\" or \"data\""
            )
        }
        let at = s.i
        s.i += 1
        var first = true
        var found: String?
        var others: [String] = []
        while try s.nextMember(&first) {
            let key = s.keyString()
            if key == "candles" || key == "data" {
                if let found {
                    throw CandleReadError(
                        offset: s.keyStart, path: "/" + key,
                        message: "the object has both \"\(found)\" and \"\(key)\"; keep only the candles")
                }
                found = key
                guard try s.peek() == UInt8(ascii: "[") else {
                    throw CandleReadError(
                        offset: s.i, path: "/" + key, message: "\"\(key)\" must be an array of candles")
                }
                prefix = "/" + key
                try rows()
            } else {
                if others.count < 5 { others.append(key) }
                _ = try s.parseValue(depth: 1, rejectOverflow: false)
            }
        }
        if found == nil {
            let has =
                others.isEmpty ? "no members" : "the members " + others.map { "\"\($0)\"" }.joined(separator: ", ")
            throw CandleReadError(
                offset: at, path: "",
                message:
                    "the JSON object has no \"candles\" or \"data\" array (it has \(has)); put the candles under \"candles\""
            )
        }
    }

    /// The array of candles at the cursor.
    mutating func rows() throws {
        s.i += 1
        var first = true
        var k = 0
        while try s.nextElement(&first) {
            starts.append(s.i)
            let c = try s.peek()
            let form: CandleFormat
            if c == UInt8(ascii: "{") {
                form = .json
            } else if c == UInt8(ascii: "[") {
                form = .ccxt  // or Binance: told apart by the element count
            } else {
                throw CandleReadError(
                    offset: s.i, path: prefix + "/\(k)", index: k,
                    message:
                        "a candle is \(s.describe(s.i)), not an object {\"time\", \"open\", \"high\", \"low\", \"close\"} nor an array [time, open, high, low, close, volume]"
                )
            }
            if let forced, (forced == .json) != (form == .json) {
                throw CandleReadError(
                    offset: s.i, path: prefix + "/\(k)", index: k,
                    message:
                        "a candle is \(form == .json ? "an object" : "an array"), but the format \(forced.rawValue) has \(forced == .json ? "objects" : "arrays"); give the matching --candles-format or leave it out"
                )
            }
            if let rowForm, (rowForm == .json) != (form == .json) {
                throw CandleReadError(
                    offset: s.i, path: prefix + "/\(k)", index: k,
                    message:
                        "candle \(k) is \(form == .json ? "an object" : "an array") but candle 0 is not; give every candle the same form"
                )
            }
            let candle = form == .json ? try objectRow(k) : try arrayRow(k)
            candles.append(candle)
            k += 1
        }
    }

    /// The column a key names (case, `_`, `-` and spaces ignored), as in a CSV header.
    static func column(_ key: String) -> Int? {
        var folded = ""
        for ch in key.unicodeScalars where ch != " " && ch != "_" && ch != "-" {
            folded.unicodeScalars.append(ch.properties.lowercaseMapping.unicodeScalars.first ?? ch)
        }
        switch folded {
        case "time", "timestamp", "date", "datetime", "opentime", "t", "ts", "unix", "unixtime", "epoch": return 0
        case "open", "o", "openprice": return 1
        case "high", "h", "highprice": return 2
        case "low", "l", "lowprice": return 3
        case "close", "c", "closeprice", "last": return 4
        case "volume", "v", "vol", "basevolume": return 5
        default: return nil
        }
    }

    static let names = ["time", "open", "high", "low", "close", "volume"]

    /// The column of the member key just read: the exact lower-case names without building a
    /// string, other spellings through ``column(_:)``.
    func keyColumn() -> Int? {
        if s.keyIs("time") { return 0 }
        if s.keyIs("open") { return 1 }
        if s.keyIs("high") { return 2 }
        if s.keyIs("low") { return 3 }
        if s.keyIs("close") { return 4 }
        if s.keyIs("volume") { return 5 }
        return Self.column(s.keyString())
    }

    /// A candle given as an object.
    mutating func objectRow(_ k: Int) throws -> Candle {
        let at = s.i
        s.i += 1
        var first = true
        var time: Timestamp?
        var open: Double?, high: Double?, low: Double?, close: Double?, volume: Double?
        var seen = 0
        while try s.nextMember(&first) {
            guard let col = keyColumn() else {
                _ = try s.parseValue(depth: 3, rejectOverflow: false)
                continue
            }
            let place = Where(
                prefix: prefix, index: k, element: -1, keyStart: s.keyStart, keyEnd: s.keyEnd, keyEscaped: s.keyEscaped)
            if seen & (1 << col) != 0 {
                throw CandleReadError(
                    offset: s.i, path: place.pointer(s.b), index: k,
                    message:
                        "the candle gives the \(Self.names[col]) twice (again as \"\(s.keyString())\"); keep one")
            }
            seen |= 1 << col
            switch col {
            case 0: time = try timeValue(place, k)
            case 1: open = try numberValue(1, place, k)
            case 2: high = try numberValue(2, place, k)
            case 3: low = try numberValue(3, place, k)
            case 4: close = try numberValue(4, place, k)
            default: volume = try numberValue(5, place, k)
            }
        }
        guard let time else {
            throw CandleReadError(
                offset: at, path: prefix + "/\(k)", index: k,
                message: "the candle has no \"time\"; add an ISO-8601 time or Unix seconds or milliseconds")
        }
        guard let open, let high, let low, let close else {
            let col = open == nil ? 1 : high == nil ? 2 : low == nil ? 3 : 4
            throw CandleReadError(
                offset: at, path: prefix + "/\(k)", index: k,
                message: "the candle has no \"\(Self.names[col])\"; add it as a number")
        }
        return Candle(time: time, open: open, high: high, low: low, close: close, volume: volume)
    }

    /// A candle given as an array (ccxt or Binance order).
    mutating func arrayRow(_ k: Int) throws -> Candle {
        let at = s.i
        s.i += 1
        var first = true
        var j = 0
        var time: Timestamp?
        var values: (Double?, Double?, Double?, Double?, Double?) = (nil, nil, nil, nil, nil)
        while try s.nextElement(&first) {
            let place = Where(prefix: prefix, index: k, element: j)
            switch j {
            case 0: time = try timeValue(place, k)
            case 1: values.0 = try numberValue(1, place, k)
            case 2: values.1 = try numberValue(2, place, k)
            case 3: values.2 = try numberValue(3, place, k)
            case 4: values.3 = try numberValue(4, place, k)
            case 5: values.4 = try numberValue(5, place, k)
            default:
                _ = try s.parseValue(depth: 3, rejectOverflow: false)
            }
            j += 1
        }
        let form: CandleFormat? = j == 5 || j == 6 ? .ccxt : j == 12 ? .binance : nil
        let expected = forced ?? rowForm
        if form == nil || (expected != nil && expected != .json && expected != form) {
            let want: String
            switch expected {
            case .ccxt?: want = "5 or 6 elements [time, open, high, low, close, volume] (ccxt)"
            case .binance?: want = "12 elements (a Binance kline)"
            default: want = "[time, open, high, low, close, volume] (ccxt) or a 12-element Binance kline"
            }
            throw CandleReadError(
                offset: at, path: prefix + "/\(k)", index: k, message: "the candle has \(j) elements; give \(want)")
        }
        if rowForm == nil { rowForm = form }
        guard let time else {
            throw CandleReadError(offset: at, path: prefix + "/\(k)", index: k, message: "the candle has no time")
        }
        guard let open = values.0, let high = values.1, let low = values.2, let close = values.3 else {
            let col = values.0 == nil ? 1 : values.1 == nil ? 2 : values.2 == nil ? 3 : 4
            throw CandleReadError(
                offset: at, path: prefix + "/\(k)/\(col)", index: k,
                message: "the \(Self.names[col]) is null; give a number")
        }
        return Candle(time: time, open: open, high: high, low: low, close: close, volume: values.4)
    }

    /// A time: an ISO-8601 string, or Unix seconds or milliseconds as a number or string.
    mutating func timeValue(_ place: Where, _ k: Int) throws -> Timestamp {
        let at = s.i
        let c = try s.peek()
        if c == UInt8(ascii: "\"") {
            let (st, e, esc) = try s.scanString()
            if !esc {
                let f = UnsafeBufferPointer(rebasing: s.b.assumingMemoryBound(to: UInt8.self)[st..<e])
                if let t = Timestamp.parse(f) { return t }
                if let t = Timestamp.parseLenient(f) { return t.timestamp }
                if let v = CandleCSV.parseDecimal(f), let t = Timestamp(epochSecondsOrMilliseconds: v) { return t }
            }
            let text = s.string(st, e, esc)
            if let t = Timestamp.parseLenient(text) { return t.timestamp }
            throw CandleReadError(
                offset: at, path: place.pointer(s.b), index: k,
                message:
                    "time \"\(text.prefix(40))\" is not an ISO-8601 time of a real date like 2026-01-08T12:00:00Z or 2026-01-08 12:00:00, nor Unix seconds or milliseconds"
            )
        }
        if c == UInt8(ascii: "-") || c &- 48 < 10 {
            let (st, e, v) = try s.readNumber()
            if let t = Timestamp(epochSecondsOrMilliseconds: v) { return t }
            let literal = String(decoding: UnsafeRawBufferPointer(rebasing: s.b[st..<e]), as: UTF8.self)
            throw CandleReadError(
                offset: at, path: place.pointer(s.b), index: k,
                message: "time \(literal) is beyond the years 0001 to 9999 in Unix seconds or milliseconds")
        }
        let v = try s.parseValue(depth: 3, rejectOverflow: false)
        throw CandleReadError(
            offset: at, path: place.pointer(s.b), index: k,
            message: "time is \(describeCandleValue(v)); give an ISO-8601 time string or Unix seconds or milliseconds")
    }

    /// A price or volume: a number or numeric string (null: none, for the volume only).
    mutating func numberValue(_ col: Int, _ place: Where, _ k: Int) throws -> Double? {
        let at = s.i
        let c = try s.peek()
        if c == UInt8(ascii: "-") || c &- 48 < 10 {
            return try s.readNumber().value
        }
        if c == UInt8(ascii: "\"") {
            let (st, e, esc) = try s.scanString()
            if !esc,
                let v = CandleCSV.parseDecimal(
                    UnsafeBufferPointer(rebasing: s.b.assumingMemoryBound(to: UInt8.self)[st..<e]))
            {
                return v
            }
            let text = s.string(st, e, esc)
            if let v = CandleCSV.parseDecimal(text) { return v }
            throw CandleReadError(
                offset: at, path: place.pointer(s.b), index: k,
                message: "\(Self.names[col]) \"\(text.prefix(40))\" is not a number; write a decimal such as 1.2345")
        }
        let v = try s.parseValue(depth: 3, rejectOverflow: false)
        if case .null = v, col == 5 { return nil }
        throw CandleReadError(
            offset: at, path: place.pointer(s.b), index: k,
            message: "\(Self.names[col]) is \(describeCandleValue(v)); give a number")
    }
}

/// A JSON value in a few words.
private func describeCandleValue(_ v: JSONValue) -> String {
    switch v {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .string(let s): return "the string \"\(s.prefix(40))\""
    case .number(let n): return "the number " + n.literal
    case .array(let a): return "an array of \(a.count)"
    case .object: return "an object"
    }
}
