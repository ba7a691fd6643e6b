import ChartDraw
import HTTPTypes
import Hummingbird

/// Response helpers: every error body is JSON, `{"error": {"status", "code", "message"}}`,
/// except 422, which carries the validator's report `{"valid": false, "issues": [...]}`.
enum Responses {
    static let jsonType = "application/json"

    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8], headers: HTTPFields = [:]) -> Response {
        var h = headers
        h[.contentType] = jsonType
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func error(
        _ status: HTTPResponse.Status, code: String, _ message: String, line: Int? = nil, column: Int? = nil,
        headers: HTTPFields = [:]
    ) -> Response {
        var w = JSONWriter(pretty: false, reserve: 256)
        w.beginObject()
        w.key("error")
        w.beginObject()
        w.key("status")
        w.writeInteger(Int64(status.code))
        w.key("code")
        w.writeString(code)
        w.key("message")
        w.writeString(message)
        if let line, let column {
            w.key("line")
            w.writeInteger(Int64(line))
            w.key("column")
            w.writeInteger(Int64(column))
        }
        w.endObject()
        w.endObject()
        return json(status, w.bytes, headers: headers)
    }

    /// 400 for a body that is not JSON, with the line and column of the problem.
    static func malformed(_ e: JSONSyntaxError) -> Response {
        error(
            .badRequest, code: e.code, "The body is not valid JSON: line \(e.line), column \(e.column): \(e.message)",
            line: e.line, column: e.column)
    }

    /// 422 with every issue.
    static func invalid(_ issues: [ValidationIssue]) -> Response {
        json(.unprocessableContent, ValidationReport(issues: issues, analysis: nil).json())
    }

    /// 503 with Retry-After.
    static func busy(_ message: String, retryAfter: Int = 1) -> Response {
        var h = HTTPFields()
        h[.retryAfter] = String(retryAfter)
        return error(.serviceUnavailable, code: "busy", message, headers: h)
    }

    /// Whether a Content-Type names JSON (`application/json`, `+json`, any parameters).
    static func isJSON(_ value: String?) -> Bool {
        guard let value else { return false }
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces.lowercased() } ?? ""
        return type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json"))
    }

    /// A header value made of ASCII only: a JSON array of strings with `\uXXXX` escapes,
    /// cut at whole entries to stay under `limit` bytes.
    static func asciiJSONArray(_ items: [String], limit: Int = 4096) -> String {
        var out = "["
        for (i, item) in items.enumerated() {
            var s = "\""
            for u in item.unicodeScalars {
                switch u {
                case "\"": s += "\\\""
                case "\\": s += "\\\\"
                default:
                    if u.value < 0x20 || u.value > 0x7E {
                        for unit in String(u).utf16 {
                            let hex = String(unit, radix: 16)
                            s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        }
                    } else {
                        s.unicodeScalars.append(u)
                    }
                }
            }
            s += "\""
            if out.utf8.count + s.utf8.count + 2 > limit { break }
            out += (i == 0 ? "" : ",") + s
        }
        return out + "]"
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
