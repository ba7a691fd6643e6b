import ArgumentParser
import ChartDraw

/// The `--report` values of `render` and `payload` (and `validate --format`).
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// One JSON object per input, the shape programs read from every command (JSON Lines; the
/// schema is docs/report.schema.json). Members in this order: `file`, `command`, `valid`,
/// `issues`, then `warnings`, `error` and `output` when there is something to say.
struct ReportRecord {
    /// The input as named on the command line (`-` for standard input).
    var file: String
    /// `validate`, `payload` or `render`.
    var command: String
    /// Whether the body has no error (false when it could not be read).
    var valid: Bool
    /// Every issue of the body.
    var issues: [ValidationIssue] = []
    /// What the picture or the candles could not show (render only).
    var warnings: [(source: String, message: String)] = []
    /// Why the command could not finish, apart from the body's issues.
    var error: Failure?
    /// The file written (render), when one was.
    var output: String?

    /// A failure that is not an issue of the body.
    struct Failure {
        /// `unreadable`, `candles_invalid`, `options`, `render_failed` or `cannot_write`.
        var code: String
        var message: String
        /// For candle files: the line and JSON pointer of the problem.
        var line: Int? = nil
        var path: String? = nil
    }

    /// The record as one line of JSON, with a final newline.
    var line: String {
        var w = JSONWriter(reserve: 256)
        w.beginObject()
        w.key("file")
        w.writeString(file)
        w.key("command")
        w.writeString(command)
        w.key("valid")
        w.writeBool(valid)
        w.key("issues")
        ValidationIssue.write(issues, to: &w)
        if !warnings.isEmpty {
            w.key("warnings")
            w.beginArray()
            for x in warnings {
                w.element()
                w.beginObject()
                w.key("source")
                w.writeString(x.source)
                w.key("message")
                w.writeString(x.message)
                w.endObject()
            }
            w.endArray()
        }
        if let error {
            w.key("error")
            w.beginObject()
            w.key("code")
            w.writeString(error.code)
            w.key("message")
            w.writeString(error.message)
            if let l = error.line {
                w.key("line")
                w.writeInteger(Int64(l))
            }
            if let p = error.path {
                w.key("path")
                w.writeString(p)
            }
            w.endObject()
        }
        if let output {
            w.key("output")
            w.writeString(output)
        }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }
}
