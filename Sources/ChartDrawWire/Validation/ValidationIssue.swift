public import ChartDrawCore

/// The request body kinds: create, update (partial) and append (drawings only).
public enum Endpoint: String, Hashable, Sendable, CaseIterable {
    case create, update, append
}

/// How sure validation must be that the server accepts a body.
public enum ValidationPolicy: String, Hashable, Sendable, CaseIterable {
    /// What the engine cannot be sure the server accepts (an unknown field or enum value, a
    /// text past the engine's limit) is an error. The default before upload.
    case strict
    /// Those become warnings.
    case lenient
}

/// Whether an issue makes a body invalid.
public enum Severity: String, Hashable, Sendable, Comparable {
    case warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One problem of a body: where (RFC 6901 pointer), a stable code, a severity and a message
/// that names the problem, the offending value and the fix.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// The JSON pointer of the offending value (`""` = the whole body).
    public var path: String
    /// A stable code from `docs/validation-codes.md`, e.g. ``IssueCode/priceNotPositive``.
    public var code: IssueCode
    /// Error or warning.
    public var severity: Severity
    /// One sentence: the problem, the value and the fix.
    public var message: String
    /// The value or member name that was most likely meant ("did you mean"), when there is
    /// one: a known enum value, member name, link id, or the canonical form of a time.
    public var suggestion: String?

    /// Creates an issue.
    public init(path: String, code: IssueCode, severity: Severity, message: String, suggestion: String? = nil) {
        self.path = path
        self.code = code
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
    }

    /// `PATH: severity[code]: message`.
    public var description: String { line(file: nil) }

    /// The one text form of an issue: `FILE:PATH: severity[code]: message` with a file (no
    /// PATH part for the whole body), `PATH: severity[code]: message` without one (`/` for
    /// the whole body). `escape` is applied to every part that comes from the input (a
    /// terminal escapes control characters so that one issue stays one line).
    public func line(file: String?, escape: (String) -> String = { $0 }) -> String {
        let head: String
        if let file {
            head = escape(file) + ":" + (path.isEmpty ? "" : escape(path) + ":")
        } else {
            head = (path.isEmpty ? "/" : escape(path)) + ":"
        }
        return "\(head) \(severity.rawValue)[\(code)]: \(escape(message))"
    }

    /// The one JSON form of an issue: `{"path", "code", "severity", "message", "suggestion"?}`
    /// (`docs/report.schema.json`), written as the next value of `w`.
    public func write(to w: inout JSONWriter, suggestion includeSuggestion: Bool = true) {
        w.beginObject()
        w.key("path")
        w.writeString(path)
        w.key("code")
        w.writeString(code.rawValue)
        w.key("severity")
        w.writeString(severity.rawValue)
        w.key("message")
        w.writeString(message)
        if includeSuggestion, let s = suggestion {
            w.key("suggestion")
            w.writeString(s)
        }
        w.endObject()
    }

    /// Writes `issues` as a JSON array, each in ``write(to:suggestion:)``'s form.
    public static func write(
        _ issues: some Sequence<ValidationIssue>, to w: inout JSONWriter, suggestion includeSuggestion: Bool = true
    ) {
        w.beginArray()
        for i in issues {
            w.element()
            i.write(to: &w, suggestion: includeSuggestion)
        }
        w.endArray()
    }
}

/// Everything validation found in one body.
public struct ValidationReport: Hashable, Sendable {
    /// Every issue, in body order (syntax problems first).
    public var issues: [ValidationIssue]
    /// What decoded (nil when the JSON is malformed or not an object).
    public var analysis: Analysis?

    /// Creates a report.
    public init(issues: [ValidationIssue], analysis: Analysis?) {
        self.issues = issues
        self.analysis = analysis
    }

    /// True when no issue is an error (warnings are allowed).
    public var isValid: Bool { !issues.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }

    /// The warnings only.
    public var warnings: [ValidationIssue] { issues.filter { $0.severity == .warning } }
}

extension ValidationReport {
    /// `{"valid": bool, "issues": [{"path", "code", "severity", "message"}]}`, with `file`
    /// first when given.
    public func json(file: String? = nil, pretty: Bool = false) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, reserve: 256)
        w.beginObject()
        if let file {
            w.key("file")
            w.writeString(file)
        }
        w.key("valid")
        w.writeBool(isValid)
        w.key("issues")
        ValidationIssue.write(issues, to: &w)
        w.endObject()
        return w.bytes
    }
}
