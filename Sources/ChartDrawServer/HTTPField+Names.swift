import HTTPTypes

extension HTTPField.Name {
    /// `ChartDraw-Cache`: `hit` or `miss` on a render answer.
    static let chartDrawCache = spelled("ChartDraw-Cache")
    /// `ChartDraw-Warning-Count`: how many warnings the answer carries.
    static let chartDrawWarningCount = spelled("ChartDraw-Warning-Count")
    /// `ChartDraw-Warnings`: the warnings as an ASCII JSON array of strings.
    static let chartDrawWarnings = spelled("ChartDraw-Warnings")
    /// `Server-Timing`: the render's phases.
    static let serverTiming = spelled("Server-Timing")
    /// `X-Request-Id`: the id that the access log line also carries.
    static let requestId = spelled("X-Request-Id")

    /// A field name the server spells itself; every one above is an RFC 9110 token.
    private static func spelled(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("'\(name)' is not an HTTP field name") }
        return field
    }
}
