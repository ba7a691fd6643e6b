import Foundation
import Testing

@Suite("chartdraw validate")
struct ValidateCommandTests {
    let valid = CLI.fixture("create-analysis.json")

    @Test func validFileText() throws {
        let r = try CLI.run(["validate", valid])
        #expect(r.status == 0)
        #expect(r.stdout == "\(valid): valid: 0 errors, 0 warnings\n")
    }

    @Test func invalidFileTextAndJSON() throws {
        let body = try String(contentsOfFile: valid, encoding: .utf8).replacingOccurrences(
            of: "\"price\": 1.355", with: "\"price\": -1")
        let path = try CLI.temp(body)
        let text = try CLI.run(["validate", path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("\(path):/drawings/2/points/0/price: error[price_not_positive]: "))
        #expect(text.stdout.hasSuffix("\(path): invalid: 1 error, 0 warnings\n"))
        let json = try CLI.run(["validate", "--format", "json", path])
        #expect(json.status == 1)
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(obj?["valid"] as? Bool == false)
        let issues = obj?["issues"] as? [[String: Any]]
        #expect(issues?.first?["path"] as? String == "/drawings/2/points/0/price")
        #expect(issues?.first?["code"] as? String == "price_not_positive")
        #expect(issues?.first?["severity"] as? String == "error")
    }

    @Test func batchKeepsArgumentOrderAndAddsFile() throws {
        let bad = try CLI.temp("{\"sender\": 1")
        let files = [valid, bad, valid, bad, valid]
        let r = try CLI.run(["validate", "--format", "json"] + files)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        for (line, file) in zip(lines, files) {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(obj?["file"] as? String == file)
            #expect(obj?["valid"] as? Bool == (file == valid))
        }
        let text = try CLI.run(["validate"] + files)
        #expect(text.stdout.hasSuffix("5 files checked: 3 valid, 2 invalid; 2 errors, 0 warnings\n"))
        #expect(text.stderr.isEmpty)  // no progress line when stderr is not a terminal
    }

    @Test func stdinAndEndpointAndLenient() throws {
        let update = try CLI.run(
            ["validate", "--endpoint", "update", "-"], stdin: #"{"metadata":{"title":"T","mood":1}}"#)
        #expect(update.status == 1)
        #expect(update.stdout.contains("-:/metadata/mood: error[unknown_field]"))
        let lenient = try CLI.run(
            ["validate", "--lenient", "--endpoint", "update", "-"], stdin: #"{"metadata":{"title":"T","mood":1}}"#)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning[unknown_field]"))
    }

    @Test func existingAnalysisGivesContext() throws {
        let append =
            ##"{"drawings":[{"type":"HORIZONTAL_LINE","clientObjectId":"target","points":[{"time":"2026-01-08T10:00:00Z","price":1.35}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}}]}"##
        #expect(try CLI.run(["validate", "--endpoint", "append", "-"], stdin: append).status == 0)
        let r = try CLI.run(["validate", "--endpoint", "append", "--existing", valid, "-"], stdin: append)
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[id_duplicate]"))
    }

    @Test func unreadableAndUsage() throws {
        let r = try CLI.run(["validate", valid, "/nonexistent.json"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("chartdraw: cannot read '/nonexistent.json': no such file"))
        #expect(try CLI.run(["validate", "--format", "xml", valid]).status == 64)
        #expect(try CLI.run(["validate"]).status == 64)
    }
}
