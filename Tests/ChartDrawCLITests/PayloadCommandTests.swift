import Foundation
import Testing

@Suite("chartdraw payload")
struct PayloadCommandTests {
    @Test func prettyReproducesTheOfficialExample() throws {
        let path = CLI.fixture("create-analysis.json")
        let r = try CLI.run(["payload", "create", "--pretty", path])
        #expect(r.status == 0)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(r.stdout == (file.hasSuffix("\n") ? file : file + "\n"))
        #expect(r.stderr.isEmpty)
    }

    @Test func compactByDefaultAndStdin() throws {
        let r = try CLI.run(["payload", "update", "-"], stdin: #"{ "sender": "me", "metadata": { "title": "T" } }"#)
        #expect(r.status == 0)
        #expect(r.stdout == #"{"metadata":{"title":"T"},"sender":"me"}"# + "\n")
    }

    @Test func invalidBodyPrintsIssuesAndExits1() throws {
        let path = try CLI.temp(#"{"drawings": [{"type": "LINE"}]}"#)
        let r = try CLI.run(["payload", "append", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(path):/drawings/0/clientObjectId: error[required]"))
        #expect(r.stderr.contains("invalid"))
    }

    @Test func malformedJSONNamesLineAndColumn() throws {
        let r = try CLI.run(["payload", "create", "-"], stdin: "{\"sender\": \"a\",\n}")
        #expect(r.status == 1)
        #expect(r.stderr.contains("-:/sender: error[json_trailing_comma]"))
        #expect(r.stderr.contains("line 2, column 1"))
        #expect(!r.stderr.contains("Error Domain"))
    }

    @Test func unreadableFileExits66WithOneLine() throws {
        let r = try CLI.run(["payload", "create", "/nonexistent/x.json"])
        #expect(r.status == 66)
        #expect(r.stderr == "chartdraw: cannot read '/nonexistent/x.json': no such file\n")
        let dir = try CLI.run(["payload", "create", "/tmp"])
        #expect(dir.status == 66)
        #expect(dir.stderr == "chartdraw: cannot read '/tmp': is a directory\n")
    }

    @Test func usageErrorExits64() throws {
        let r = try CLI.run(["payload", "delete", "x.json"])
        #expect(r.status == 64)
    }
}
