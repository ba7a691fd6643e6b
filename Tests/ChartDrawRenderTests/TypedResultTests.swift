import ChartDraw
import ChartDrawRender
import ChartDrawWire
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Results carry typed values: issue codes, Cairo's status, the errno of a failed file call;
/// their text for people is unchanged.
@Suite("Typed results")
struct TypedResultTests {
    @Test("an issue's code is an IssueCode; its text and JSON are the raw value")
    func issueCode() throws {
        let report = ChartAnalysisValidator.validate(json: "{}")
        let issue = try #require(report.issues.first)
        #expect(issue.code == IssueCode.required)
        #expect(issue.code.rawValue == "required")
        #expect(issue.description.contains("error[required]"))
        var w = JSONWriter()
        issue.write(to: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self).contains(#""code":"required""#))
    }

    @Test("a file error keeps errno and says it in words")
    func fileErrno() {
        do {
            _ = try FileIO.read("/nonexistent-chartdraw-\(getpid())/x.json")
            Issue.record("read a file that does not exist")
        } catch {
            #expect(error.code == ENOENT)
            #expect(error.reason == "no such file")
        }
        let limit = FileIOError(path: "x", reading: true, reason: "larger than the limit")
        #expect(limit.code == nil)
    }

    @Test("a Cairo failure keeps Cairo's status; its text is Cairo's")
    func cairoStatus() {
        let e = RenderError.cairo(operation: "create an image surface", status: .noMemory)
        guard case .cairo(_, let status) = e else { return }
        #expect(status == .noMemory)
        #expect(status.rawValue != 0)
        #expect(e.description == "Cairo failed to create an image surface: out of memory")
    }
}
