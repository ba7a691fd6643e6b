public import ChartDrawCore

/// Validates request bodies before upload: every issue at once, each with its JSON pointer,
/// a stable code, a severity and a message with the fix.
///
/// Structural problems found while decoding are issues too, and the semantic checks still
/// run on every part that decoded: one broken drawing does not hide the others' problems.
public enum ChartAnalysisValidator {
    /// Validates a body given as raw UTF-8 bytes (the fast path).
    public static func validate(
        _ bytes: UnsafeRawBufferPointer, endpoint: Endpoint = .create, policy: ValidationPolicy = .strict,
        existing: Analysis? = nil
    ) -> ValidationReport {
        let out = AnalysisDecoder.decodeBody(bytes)
        var issues: [ValidationIssue] = []
        if out.hasBOM {
            issues.append(
                ValidationIssue(
                    path: "", code: IssueCode.byteOrderMark, severity: policy == .strict ? .error : .warning,
                    message: "The body starts with a UTF-8 byte order mark; remove the 3 bytes EF BB BF before '{'."))
        }
        for n in out.notes {
            issues.append(
                ValidationIssue(
                    path: n.pointer, code: IssueCode(rawValue: n.code), severity: .error, message: n.message))
        }
        if let e = out.fatal {
            issues.append(
                ValidationIssue(
                    path: e.pointer, code: IssueCode(rawValue: e.code), severity: .error, message: e.message))
            return ValidationReport(issues: issues, analysis: nil)
        }
        guard let a = out.analysis else {
            issues.append(
                ValidationIssue(
                    path: "", code: IssueCode.notAnObject, severity: .error,
                    message:
                        "The body is not a JSON object; send an object such as {\"sender\": ..., \"metadata\": ...}."))
            return ValidationReport(issues: issues, analysis: nil)
        }
        var c = Checker(endpoint: endpoint, policy: policy, existing: existing)
        c.issues = issues
        c.analysis(a)
        for t in out.offsetTimes where !c.reportedNotUTC.contains(t.pointer) {
            c.timeNotUTC(t.text, t.pointer)
        }
        return ValidationReport(issues: c.issues, analysis: a)
    }

    /// Validates a body given as bytes.
    public static func validate(
        _ bytes: [UInt8], endpoint: Endpoint = .create, policy: ValidationPolicy = .strict, existing: Analysis? = nil
    ) -> ValidationReport {
        bytes.withUnsafeBytes { validate($0, endpoint: endpoint, policy: policy, existing: existing) }
    }

    /// Validates a body given as a string.
    public static func validate(
        json: String, endpoint: Endpoint = .create, policy: ValidationPolicy = .strict, existing: Analysis? = nil
    ) -> ValidationReport {
        validate(Array(json.utf8), endpoint: endpoint, policy: policy, existing: existing)
    }

    /// Validates an analysis built in Swift (or decoded earlier) as the body of `endpoint`.
    /// With `existing`, update and append rules apply to the merged result.
    public static func validate(
        _ analysis: Analysis, endpoint: Endpoint = .create, policy: ValidationPolicy = .strict,
        existing: Analysis? = nil
    ) -> [ValidationIssue] {
        var c = Checker(endpoint: endpoint, policy: policy, existing: existing)
        c.analysis(analysis)
        return c.issues
    }
}
