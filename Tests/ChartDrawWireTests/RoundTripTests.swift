import ChartDrawCore
import ChartDrawWire
import Testing

@Suite("Round trip")
struct RoundTripTests {
    /// Strips one final newline.
    func body(_ b: [UInt8]) -> [UInt8] { b.last == 0x0A ? Array(b.dropLast()) : b }

    @Test func officialCreateExampleIsReproducedByteForByte() throws {
        let file = Fixture.bytes("create-analysis.json")
        #expect(!file.isEmpty)
        let a = try AnalysisDecoder.decode(file)
        let pretty = CanonicalEncoder.encode(a, endpoint: .create, pretty: true)
        #expect(String(decoding: pretty, as: UTF8.self) == String(decoding: body(file), as: UTF8.self))
        #expect(pretty == body(file))
    }

    @Test func officialUpdateExampleIsReproducedByteForByte() throws {
        let file = Fixture.bytes("update-analysis.json")
        let a = try AnalysisDecoder.decode(file)
        #expect(a.metadata?.title == "EURUSD Updated Analysis")
        #expect(a.sender == "pangray2025+t5@gmail.com")
        let pretty = CanonicalEncoder.encode(a, endpoint: .update, pretty: true)
        #expect(pretty == body(file))
        #expect(
            CanonicalEncoder.encodeString(a, endpoint: .update)
                == ##"{"metadata":{"title":"EURUSD Updated Analysis"},"sender":"pangray2025+t5@gmail.com"}"##)
    }

    /// The folder of the official examples beside the repository, when this checkout has one.
    static let sharedExamples =
        #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        + "/../shared/examples/"

    // The fixtures are copies of ../shared/examples; when that folder is there they must agree
    // (without it the test is reported as skipped, not passed).
    @Test(
        .enabled(
            if: readFile(sharedExamples + "create-analysis.json") != nil,
            "../shared/examples is not beside the checkout"))
    func fixturesMatchTheSharedExamples() throws {
        for name in ["create-analysis.json", "update-analysis.json"] {
            let shared = try #require(
                readFile(Self.sharedExamples + name), "\(name) is missing from ../shared/examples")
            #expect(shared == Fixture.bytes(name), "\(name) differs from the shared example")
        }
    }

    @Test func compactAndPrettyDecodeToTheSameValue() throws {
        let a = try AnalysisDecoder.decode(Fixture.bytes("create-analysis.json"))
        let compact = CanonicalEncoder.encode(a, endpoint: .create)
        #expect(!compact.contains(0x0A))
        let b = try AnalysisDecoder.decode(compact)
        #expect(a == b)
        #expect(CanonicalEncoder.encode(b, endpoint: .create) == compact)
        let tree1 = try JSONParser.parse(compact)
        let tree2 = try JSONParser.parse(Fixture.bytes("create-analysis.json"))
        #expect(tree1 == tree2)
    }

    @Test func sameInputSameBytes() throws {
        let file = Fixture.bytes("create-analysis.json")
        let outs = try (0..<5).map { _ in CanonicalEncoder.encode(try AnalysisDecoder.decode(file), endpoint: .create) }
        #expect(Set(outs.map { String(decoding: $0, as: UTF8.self) }).count == 1)
    }

    @Test func keyOrderIsCanonicalWhateverTheInputOrder() throws {
        let shuffled = ##"""
            {"drawings":[{"style":{"lineStyle":"SOLID","lineWidth":2,"color":"#ff0000"},"points":[{"price":1.355,"time":"2026-01-08T10:00:00Z"}],"clientObjectId":"t","type":"HORIZONTAL_LINE"}],
             "idempotencyKey":"k","levels":{"support":{"time":"2026-01-08T10:00:00Z","clientObjectId":"s","price":1.341}},
             "sender":"me","metadata":{"symbol":"GBP/USD","timeframe":"H1","expiry":{"hours":24,"type":"HOURS"},"direction":"BULLISH"}}
            """##
        let a = try AnalysisDecoder.decode(shuffled)
        let out = CanonicalEncoder.encodeString(a, endpoint: .create)
        #expect(
            out
                == ##"{"sender":"me","metadata":{"direction":"BULLISH","expiry":{"type":"HOURS","hours":24},"timeframe":"H1","symbol":"GBP/USD"},"levels":{"support":{"price":1.341,"clientObjectId":"s","time":"2026-01-08T10:00:00Z"}},"drawings":[{"type":"HORIZONTAL_LINE","clientObjectId":"t","points":[{"time":"2026-01-08T10:00:00Z","price":1.355}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}}],"idempotencyKey":"k"}"##
        )
    }

    @Test func everyDrawingTypeRoundTrips() throws {
        let drawings = ##"""
            [{"type":"HORIZONTAL_LINE","clientObjectId":"h","points":[{"time":"2026-01-08T10:00:00Z","price":1.355}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}},
             {"type":"LINE","clientObjectId":"l","points":[{"time":"2026-01-08T00:00:00Z","price":1.3485},{"time":"2026-01-09T00:00:00Z","price":1.3505}],"startHead":"NONE","endHead":"ARROW","style":{"color":"#0000FF","lineWidth":2,"lineStyle":"DASHED"}},
             {"type":"RECTANGLE","clientObjectId":"r","points":[{"time":"2026-01-08T00:00:00Z","price":1.338},{"time":"2026-01-09T00:00:00Z","price":1.347}],"style":{"fillColor":"#00FF3380","borderColor":"#00FF00","lineWidth":2}},
             {"type":"PARALLEL","clientObjectId":"p","points":[{"time":"2026-01-08T00:00:00Z","price":1.34},{"time":"2026-01-09T00:00:00Z","price":1.35},{"time":"2026-01-08T12:00:00Z","price":1.336}],"style":{"color":"#2962FF","lineWidth":1,"lineStyle":"DOTTED","fillColor":"#2962FF26"}},
             {"type":"FIBONACCI_RETRACEMENT","clientObjectId":"f","points":[{"time":"2026-01-08T00:00:00Z","price":1.33},{"time":"2026-01-09T00:00:00.250Z","price":1.36}],"levels":[0,0.236,0.382,0.5,0.618,0.786,1,1.618],"style":{"color":"#9C27B0","lineWidth":1,"lineStyle":"SOLID"}},
             {"type":"TRIANGLE","clientObjectId":"x","points":[],"zeta":{"b":[1.50,2e3]},"alpha":true}]
            """##.split(separator: "\n").map { $0.drop(while: { $0 == " " }) }.joined()
        let a = try AnalysisDecoder.decode(##"{"sender":"s","drawings":"## + drawings + "}")
        let kinds = (a.drawings ?? []).map { $0.type.rawValue }
        #expect(kinds == ["HORIZONTAL_LINE", "LINE", "RECTANGLE", "PARALLEL", "FIBONACCI_RETRACEMENT", "TRIANGLE"])
        if case .other(let o)? = a.drawings?.last {
            #expect(o.members.map(\.key) == ["type", "clientObjectId", "points", "zeta", "alpha"])
        } else {
            Issue.record("the unknown type did not decode as .other")
        }
        let out = CanonicalEncoder.encodeString(a, endpoint: .append)
        #expect(out == ##"{"sender":"s","drawings":"## + drawings + "}")
        #expect(try AnalysisDecoder.decode(out) == a)
    }

    @Test func unknownFieldsSurviveInPlace() throws {
        let input = ##"""
            {"x0":1,"sender":"me","extra":{"k":[1.50,true,null]},"metadata":{"title":"T","tags":["fx"],"symbol":"EUR/USD","zz":1e-7},"drawings":[{"type":"LINE","clientObjectId":"a","note":"n","points":[{"time":"2026-01-08T00:00:00Z","price":1,"w":0},{"time":"2026-01-09T00:00:00Z","price":2}],"style":{"opacity":0.5,"color":"#000000","lineWidth":2,"lineStyle":"SOLID"}}],"last":"x"}
            """##
        let a = try AnalysisDecoder.decode(input)
        #expect(a.unknownFields.fields.map(\.key) == ["x0", "extra", "last"])
        #expect(a.unknownFields.fields.map(\.after) == [nil, "sender", "drawings"])
        let out = CanonicalEncoder.encodeString(a, endpoint: .create)
        // Unknown members follow the key they followed; their numbers keep their literal text.
        #expect(
            out
                == ##"{"x0":1,"sender":"me","extra":{"k":[1.50,true,null]},"metadata":{"title":"T","tags":["fx"],"symbol":"EUR/USD","zz":1e-7},"drawings":[{"type":"LINE","clientObjectId":"a","note":"n","points":[{"time":"2026-01-08T00:00:00Z","price":1,"w":0},{"time":"2026-01-09T00:00:00Z","price":2}],"style":{"opacity":0.5,"color":"#000000","lineWidth":2,"lineStyle":"SOLID"}}],"last":"x"}"##
        )
    }

    @Test func illTypedValuesAreKeptForValidation() throws {
        let a = try AnalysisDecoder.decode(##"{"sender":42,"metadata":{"title":"T","direction":"SIDEWAYS"}}"##)
        #expect(a.sender == nil)
        #expect(a.unknownFields["sender"] == .number(JSONNumber(literal: "42", value: 42)))
        #expect(a.metadata?.direction?.rawValue == "SIDEWAYS")
        #expect(
            CanonicalEncoder.encodeString(a, endpoint: .create)
                == ##"{"sender":42,"metadata":{"direction":"SIDEWAYS","title":"T"}}"##)
    }

    @Test func updateWritesOnlyWhatIsPresent() throws {
        let a = Analysis(sender: "me", metadata: AnalysisMetadata(preferenceText: "p", comments: "c"))
        #expect(
            CanonicalEncoder.encodeString(a, endpoint: .update)
                == ##"{"metadata":{"preferenceText":"p","comments":"c"},"sender":"me"}"##)
    }

    @Test func canonicalFormsOfTimesAndColours() throws {
        let a = try AnalysisDecoder.decode(
            ##"{"levels":{"pivot":{"price":1.50,"clientObjectId":"p","time":"2026-01-08T12:00:00.5Z"}},"drawings":[{"type":"RECTANGLE","clientObjectId":"r","points":[{"time":"2026-01-08T00:00:00.000Z","price":1.0},{"time":"2026-01-09T00:00:00.123456Z","price":2e0}],"style":{"fillColor":"#00ff3380","borderColor":"#abcdef","lineWidth":2.0}}]}"##
        )
        #expect(
            CanonicalEncoder.encodeString(a, endpoint: .create)
                == ##"{"levels":{"pivot":{"price":1.5,"clientObjectId":"p","time":"2026-01-08T12:00:00.500Z"}},"drawings":[{"type":"RECTANGLE","clientObjectId":"r","points":[{"time":"2026-01-08T00:00:00Z","price":1},{"time":"2026-01-09T00:00:00.123456Z","price":2}],"style":{"fillColor":"#00FF3380","borderColor":"#ABCDEF","lineWidth":2}}]}"##
        )
    }

    @Test func prettyFormatting() throws {
        let v = try JSONParser.parse(##"{"a":[],"b":{},"c":[1,{"d":"e"}]}"##)
        let out = String(decoding: JSONWriter.encode(v, pretty: true), as: UTF8.self)
        #expect(out == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"e\"\n    }\n  ]\n}")
    }

    @Test func stringEscapes() throws {
        let v = JSONValue.string("a\"b\\c/d\u{1}\n\t é 📈 \u{7f}")
        #expect(String(decoding: JSONWriter.encode(v), as: UTF8.self) == "\"a\\\"b\\\\c/d\\u0001\\n\\t é 📈 \u{7f}\"")
        #expect(try JSONParser.parse(JSONWriter.encode(v)) == v)
    }
}
