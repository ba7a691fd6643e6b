import ChartDrawCore
import Testing

@testable import ChartDrawWire

/// The tuned parts of decoding and validation against the plain code they stand for: the
/// timestamp fast path against `Timestamp.parse`, the byte-level link scan against
/// `LinkedText`, the word-at-a-time string scan at every alignment, and the id table past the
/// size where it switches to a dictionary.
@Suite("Fast paths")
struct FastPathTests {
    /// A small deterministic generator (64-bit LCG).
    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    func wireTime(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { WireTime.parse($0, 0, bytes.count) }
    }

    @Test func timestampFastPathAgreesWithTimestampParse() {
        var rng = Rng(state: 42)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        func four(_ v: Int) -> String { String(repeating: "0", count: max(0, 4 - "\(v)".count)) + "\(v)" }
        var texts: [String] = [
            "2026-01-08T12:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
            "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z",
            "2026-01-08T24:00:00Z", "2026-01-08T23:60:00Z", "2026-01-08T23:59:60Z", "2026-01-08t12:00:00Z",
            "2026-01-08T12:00:00z", "2026-01-08T12:00:00.5Z", "2026-01-08T12:00:00.123456789Z", "2026-01-08 12:00:00Z",
            "2026-01-08T12:00:00+00:00", "2026-1-08T12:00:00Z", "+026-01-08T12:00:00Z", "2026-01-08T12:00:0aZ",
            "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "1600-03-01T00:00:00Z", "0004-02-29T00:00:00Z",
        ]
        for _ in 0..<20_000 {
            let y = rng.next(10_000), m = rng.next(14), d = rng.next(33)
            let h = rng.next(26), mi = rng.next(62), s = rng.next(62)
            var t = "\(four(y))-\(two(m))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))Z"
            if rng.next(10) == 0 {
                // A byte changed to something else.
                var b = Array(t.utf8)
                b[rng.next(b.count)] = Array("0123456789-T:Z .x".utf8)[rng.next(17)]
                t = String(decoding: b, as: UTF8.self)
            }
            texts.append(t)
        }
        var parsed = 0
        for t in texts {
            let expected = Timestamp(iso8601: t)
            #expect(wireTime(t) == expected, "\(t)")
            if expected != nil { parsed += 1 }
        }
        // Both outcomes are exercised.
        #expect(parsed > 5_000 && parsed < texts.count - 1_000)
    }

    /// What `Checker.longText` reported for links before the byte-level scan: the same
    /// messages from `LinkedText`.
    func expectedLinkIssues(_ text: String, _ field: String) -> (messages: [String], links: [String]) {
        let parsed = LinkedText(parsing: text)
        var messages: [String] = []
        for bad in parsed.malformed {
            let why: String
            switch bad.problem {
            case .unclosed: why = "has no closing ]]"
            case .missingColon: why = "has no ':' between the id and the text"
            case .emptyId: why = "has an empty id"
            case .invalidId: why = "has an id with characters other than letters, digits, '_', '-' and '.'"
            }
            messages.append(
                "The link \(quoted(String(bad.text.prefix(60)))) in \(field) \(why); write links as [[clientObjectId:text]]."
            )
        }
        return (messages, parsed.links.map { "\($0.clientObjectId)|\($0.displayText)" })
    }

    @Test func linkScanAgreesWithLinkedText() {
        var rng = Rng(state: 7)
        let pieces = [
            "[", "[[", "]", "]]", ":", "a", "b_1", "-", ".", " ", "é", "x y", "[[id:", "]]]", "日本", "\u{301}",
        ]
        var texts = [
            "", "[[", "]]", "[[a:b]]", "[[:b]]", "[[a b:c]]", "[[ab]]", "[[a:b", "x [[a:[[b:c]] y", "[[a:b]]]]",
            "Bounce from [[support_zone:demand zone]]. Entry above [[entry_line:breakout level]].",
            String(repeating: "long text without links ", count: 20) + "[[tail:end]]",
            String(repeating: "[", count: 9) + "a:b" + String(repeating: "]", count: 9),
        ]
        for _ in 0..<5_000 {
            var t = ""
            for _ in 0..<rng.next(14) { t += pieces[rng.next(pieces.count)] }
            if rng.next(4) == 0 { t = String(repeating: "filler ", count: rng.next(5)) + t }
            texts.append(t)
        }
        var sawLink = false, sawBad = false
        for t in texts {
            var c = Checker(endpoint: .create, policy: .strict, existing: nil)
            c.scanLinks(t, "comments")
            let expected = expectedLinkIssues(t, "comments")
            #expect(c.issues.map(\.message) == expected.messages, "\(t)")
            #expect(c.issues.allSatisfy { $0.path == "/metadata/comments" && $0.code == IssueCode.linkMalformed })
            #expect(c.links.map { "\($0.clientObjectId)|\($0.displayText)" } == expected.links, "\(t)")
            sawLink = sawLink || !expected.links.isEmpty
            sawBad = sawBad || !expected.messages.isEmpty
        }
        #expect(sawLink && sawBad)
    }

    @Test func stringScanAtEveryAlignment() throws {
        // Each special piece at every offset from 0 to 19 of a string body.
        let specials: [(json: String, decoded: String)] = [
            (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e9"#, "é"), ("é", "é"), ("日", "日"),
            ("😀", "😀"), (#"\ud83d\ude00"#, "😀"), ("~", "~"), (" ", " "),
        ]
        for s in specials {
            for k in 0..<20 {
                for tail in [0, 1, 9] {
                    let pre = String(repeating: "a", count: k), post = String(repeating: "z", count: tail)
                    let v = try JSONParser.parse("[\"" + pre + s.json + post + "\"]")
                    #expect(v == .array([.string(pre + s.decoded + post)]), "\(s.json) at \(k)")
                }
            }
        }
        // Raw control characters, a stray continuation byte and a cut string: the error points
        // at the exact byte whatever its alignment.
        for k in 0..<20 {
            for bad: UInt8 in [0x01, 0x1F, 0x0A, 0x80, 0xFF] {
                var bytes = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "b"), count: k) + [bad]
                bytes += Array("xyzxyzxyz\"]".utf8)
                var caught: JSONSyntaxError?
                do { _ = try JSONParser.parse(bytes) } catch { caught = error }
                let e = try #require(caught)
                #expect(e.offset == 2 + k, "byte \(bad) at \(k)")
                #expect(e.kind == (bad < 0x20 ? .controlCharacter : .invalidUTF8))
            }
            let cut = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "c"), count: k)
            var caught: JSONSyntaxError?
            do { _ = try JSONParser.parse(cut) } catch { caught = error }
            #expect(caught?.kind == .truncated)
        }
    }

    @Test func unknownMemberAfterAnEscapedKeyRemembersTheKey() throws {
        let a = try AnalysisDecoder.decode(#"{"metadata": {"ti\u0074le": "T", "zz": 1, "symbol": "X", "yy": 2}}"#)
        let fields = try #require(a.metadata?.unknownFields.fields)
        #expect(fields.map(\.key) == ["zz", "yy"])
        #expect(fields.map(\.after) == ["title", "symbol"])
        let b = try AnalysisDecoder.decode(#"{"zz": 1, "sender": "s"}"#)
        #expect(b.unknownFields.fields.first?.after == nil)
    }

    @Test func knownWordsDecodeToTheirValues() throws {
        let body = Fixture.create(replacing: #""lineStyle":"DASHED""#, with: #""lineStyle":"DOT\u0054ED""#)
        let a = try AnalysisDecoder.decode(body)
        #expect(a.metadata?.direction == .bullish)
        #expect(a.metadata?.entryPlacement == .belowCurrent)
        let styles = (a.drawings ?? []).compactMap { d -> LineStyle? in d.style?.lineStyle }
        #expect(styles.contains(.dotted))
        guard case .line(let line)? = a.drawings?.first(where: { $0.type == .line }) else {
            Issue.record("no LINE decoded")
            return
        }
        #expect(line.startHead == LineHead.none && line.endHead == .arrow)
    }

    @Test func duplicateIdsAreFoundPastTheLinearTable() {
        func drawing(_ id: String, _ k: Int) -> String {
            ##"{"type":"HORIZONTAL_LINE","clientObjectId":"\##(id)","points":[{"time":"2026-01-08T10:00:00Z","price":1.3\##(k % 10)}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}}"##
        }
        for count in [5, 24, 25, 40] {
            var ds = (0..<count).map { drawing("d\($0)", $0) }
            ds.append(drawing("d3", 3))
            let body = Fixture.create(replacing: Fixture.drawingsArray, with: "[" + ds.joined(separator: ",") + "]")
            let r = check(body)
            let dups = r.issues.filter { $0.code == IssueCode.idDuplicate }
            #expect(dups.map(\.path) == ["/drawings/\(count)/clientObjectId"], "\(count)")
            #expect(dups.first?.message.contains("/drawings/3/clientObjectId") == true)
        }
    }
}

extension Fixture {
    /// The drawings array of the compact official create example.
    static var drawingsArray: String {
        let c = createCompact
        guard let r = c.firstRange(of: #""drawings":["#) else { return "" }
        let start = c.index(r.upperBound, offsetBy: -1)
        var depth = 0
        var k = start
        while k < c.endIndex {
            if c[k] == "[" { depth += 1 }
            if c[k] == "]" {
                depth -= 1
                if depth == 0 { return String(c[start...k]) }
            }
            k = c.index(after: k)
        }
        return ""
    }
}
