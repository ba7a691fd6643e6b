public import ChartDrawCore

/// Reads a candle file: CSV (see ``ChartDrawCore/CandleCSV``) or a JSON array of objects with
/// the keys `time`, `open`, `high`, `low`, `close` and optionally `volume`.
///
/// The form is recognised from the content: a file whose first non-blank byte is `[` is JSON.
/// A JSON time is an ISO-8601 UTC string or a number of Unix seconds.
public enum CandleFile {
    /// Parses and validates candle bytes in either form.
    public static func parse(_ bytes: [UInt8]) throws(CandleError) -> CandleSeries {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "[") {
            return try parseJSON(Array(bytes[i...]))
        }
        return try CandleCSV.parse(bytes)
    }

    /// Parses a JSON array of candle objects.
    public static func parseJSON(_ bytes: [UInt8]) throws(CandleError) -> CandleSeries {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw CandleError(line: error.line, message: "the candle file is not valid JSON: \(error.message)")
        }
        guard case .array(let rows) = value else {
            throw CandleError(message: "a JSON candle file must be an array of {time, open, high, low, close} objects")
        }
        var candles: [Candle] = []
        candles.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            guard case .object = row else {
                throw CandleError(index: index, message: "each candle must be an object with time, open, high, low and close")
            }
            func number(_ key: String, required: Bool = true) throws(CandleError) -> Double? {
                switch row[key] {
                case .number(let n)?:
                    return n.value
                case nil where !required, .null? where !required:
                    return nil
                case nil:
                    throw CandleError(index: index, message: "the candle has no \"\(key)\"; add it as a number")
                default:
                    throw CandleError(index: index, message: "\"\(key)\" must be a number")
                }
            }
            let time: Timestamp
            switch row["time"] {
            case .string(let s)?:
                guard let t = Timestamp(iso8601: s) else {
                    throw CandleError(index: index, message: "time \"\(s)\" is not ISO-8601 UTC like 2026-01-08T12:00:00Z")
                }
                time = t
            case .number(let n)?:
                guard let t = Timestamp(secondsSinceEpoch: n.value) else {
                    throw CandleError(index: index, message: "time \(n.literal) is not a Unix time in seconds between years 1 and 9999")
                }
                time = t
            case nil:
                throw CandleError(index: index, message: "the candle has no \"time\"; add an ISO-8601 UTC string or Unix seconds")
            default:
                throw CandleError(index: index, message: "\"time\" must be an ISO-8601 UTC string or a number of Unix seconds")
            }
            candles.append(
                Candle(
                    time: time, open: try number("open")!, high: try number("high")!, low: try number("low")!,
                    close: try number("close")!, volume: try number("volume", required: false)))
        }
        return try CandleSeries(validating: candles)
    }
}
