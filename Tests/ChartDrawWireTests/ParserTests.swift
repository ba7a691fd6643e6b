import ChartDrawCore
import ChartDrawWire
import Testing

@Suite("JSON parser")
struct ParserTests {
    func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    func error(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        arguments: [
            // text, kind, line, column, pointer
            (#"{"a": [1, 2"#, JSONSyntaxError.Kind.truncated, 1, 12, "/a/1"),
            ("{\"a\": 1,\n \"b\": [1,]}", .trailingComma, 2, 10, "/b"),
            (#"{"a": "x\qy"}"#, .invalidEscape, 1, 9, "/a"),
            ("{\"a\": \"x\ty\"}", .controlCharacter, 1, 9, "/a"),
            (#"{"a": "\ud800"}"#, .loneSurrogate, 1, 8, "/a"),
            (#"{"a": "\udc00\ud800"}"#, .loneSurrogate, 1, 8, "/a"),
            (#"{"p": NaN}"#, .nonStandardNumber, 1, 7, "/p"),
            (#"{"p": -Infinity}"#, .nonStandardNumber, 1, 7, "/p"),
            (#"{"p": 1e400}"#, .numberOutOfRange, 1, 7, "/p"),
            (#"{"p": 01}"#, .invalidNumber, 1, 7, "/p"),
            (#"{"p": 1.}"#, .invalidNumber, 1, 7, "/p"),
            (#"{"p": -}"#, .invalidNumber, 1, 7, "/p"),
            (#"{"a": 1} x"#, .trailingContent, 1, 10, ""),
            (#"{"a": 1, "a": 2}"#, .duplicateKey, 1, 10, "/a"),
            (#"{"a": tru}"#, .unexpectedCharacter, 1, 7, "/a"),
            (#"{"a": tr"#, .truncated, 1, 9, "/a"),
            (#"{"a" 1}"#, .unexpectedCharacter, 1, 6, "/a"),
            ("", .empty, 1, 1, ""),
            (#"{"d": [{"x": [1, 2, {"y": }]}]}"#, .unexpectedCharacter, 1, 27, "/d/0/x/2/y"),
        ] as [(String, JSONSyntaxError.Kind, Int, Int, String)])
    func rejects(text: String, kind: JSONSyntaxError.Kind, line: Int, column: Int, pointer: String) throws {
        let e = try #require(error(text))
        #expect(e.kind == kind)
        #expect(e.line == line)
        #expect(e.column == column)
        #expect(e.pointer == pointer)
        #expect(e.code == kind.rawValue)
        #expect(!e.message.isEmpty && e.message.hasSuffix("."))
    }

    @Test func invalidUTF8() throws {
        var bytes = Array(#"{"a": "x"#.utf8)
        bytes += [0xFF]
        bytes += Array(#""}"#.utf8)
        let e = try #require(error(bytes))
        #expect(e.kind == .invalidUTF8)
        #expect(e.pointer == "/a")
        // Overlong encoding and an encoded surrogate are invalid too.
        #expect(error([0x22, 0xC0, 0xAF, 0x22])?.kind == .invalidUTF8)
        #expect(error([0x22, 0xED, 0xA0, 0x80, 0x22])?.kind == .invalidUTF8)
        #expect(error([0x22, 0xF0, 0x9F, 0x93, 0x88, 0x22]) == nil)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000)
        let e = try #require(error(deep))
        #expect(e.kind == .tooDeep)
        let ok = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(error(ok) == nil)
        // The validator says the same, without a crash.
        let r = ChartAnalysisValidator.validate(json: #"{"x":"# + deep)
        #expect(r.issues.first?.code == "json_too_deep")
    }

    @Test func everyTruncationOfTheOfficialExampleIsAnIssueNeverACrash() {
        let full = Fixture.bytes("create-analysis.json")
        for n in stride(from: 0, to: full.count - 2, by: 7) {
            let r = ChartAnalysisValidator.validate(Array(full[0..<n]))
            #expect(!r.isValid)
            #expect(r.issues.contains { $0.code == "json_truncated" || $0.code == "json_empty" })
        }
    }

    @Test func escapesDecode() throws {
        let v = try JSONParser.parse(#"["\u00e9\ud83d\udcc8\n\/\"", "\u0041"]"#)
        #expect(v == .array([.string("é📈\n/\""), .string("A")]))
    }

    @Test func objectsKeepTheirOrderAndNumbersTheirLiteral() throws {
        let v = try JSONParser.parse(#"{"z": 1.50, "a": -0, "m": 1E+2}"#)
        guard case .object(let ms) = v else {
            Issue.record("not an object")
            return
        }
        #expect(ms.map(\.key) == ["z", "a", "m"])
        #expect(
            ms.map { if case .number(let n) = $0.value { return n.literal } else { return "" } } == [
                "1.50", "-0", "1E+2",
            ])
    }

    @Test func byteOrderMarkIsSkippedByTheParser() throws {
        #expect(
            try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
                == .array([.number(JSONNumber(literal: "1", value: 1))]))
    }
}
