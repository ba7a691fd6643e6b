import ChartDrawCore
import ChartDrawWire

#if canImport(Glibc)
    import Glibc
#endif

/// Reads test fixtures next to this file (no bundle resources).
enum Fixture {
    /// `Tests/ChartDrawWireTests/Fixtures/NAME` as bytes.
    static func bytes(_ name: String, filePath: String = #filePath) -> [UInt8] {
        let dir = filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return readFile(dir + "/Fixtures/" + name) ?? []
    }

    /// The fixture as a string.
    static func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }

    /// The official create example, compact.
    static var createCompact: String {
        let a = try! AnalysisDecoder.decode(bytes("create-analysis.json"))
        return CanonicalEncoder.encodeString(a, endpoint: .create)
    }

    /// The official create example with `old` replaced by `new` (exactly once).
    static func create(replacing old: String, with new: String) -> String {
        let c = createCompact
        precondition(c.contains(old), "fixture does not contain \(old)")
        guard let r = c.firstRange(of: old) else { return c }
        var out = c
        out.replaceSubrange(r, with: new)
        return out
    }
}

/// Reads a whole file with the C library (the tests avoid Foundation).
func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return out
}

/// Validates a JSON string as a create body (strict unless told).
func check(
    _ json: String, _ endpoint: Endpoint = .create, _ policy: ValidationPolicy = .strict, existing: Analysis? = nil
) -> ValidationReport {
    ChartAnalysisValidator.validate(json: json, endpoint: endpoint, policy: policy, existing: existing)
}

/// The (path, code) pairs of a report.
func pairs(_ r: ValidationReport) -> [String] { r.issues.map { "\($0.path) \($0.code)" } }
