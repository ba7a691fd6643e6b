import ChartDrawCore
import ChartDrawWire
import Testing

/// One body per rule, each breaking exactly that rule of the official example.
@Suite("Validation rules")
struct ValidationRuleTests {
    @Test func officialExamplesHaveNoIssues() {
        #expect(ChartAnalysisValidator.validate(Fixture.bytes("create-analysis.json")).issues == [])
        #expect(ChartAnalysisValidator.validate(Fixture.bytes("update-analysis.json"), endpoint: .update).issues == [])
        #expect(check(Fixture.createCompact).issues == [])
    }

    /// (old, new, path, code) applied to the compact official example; strict policy.
    static let breaks: [(String, String, String, String)] = [
        (##""sender":"pangray2025+t5@gmail.com","##, "", "/sender", "required"),
        (##""sender":"pangray2025+t5@gmail.com""##, ##""sender":7"##, "/sender", "type"),
        (##""sender":"pangray2025+t5@gmail.com""##, ##""sender":"""##, "/sender", "text_empty"),
        (##""title":"GBPUSD Bullish Bounce from Support","##, "", "/metadata/title", "required"),
        (##""direction":"BULLISH""##, ##""direction":"SIDEWAYS""##, "/metadata/direction", "enum_unknown"),
        (
            ##""entryPlacement":"BELOW_CURRENT""##, ##""entryPlacement":"below_current""##, "/metadata/entryPlacement",
            "enum_unknown"
        ),
        (##""type":"HOURS""##, ##""type":"DAYS""##, "/metadata/expiry/type", "enum_unknown"),
        (##""hours":24"##, ##""hours":0"##, "/metadata/expiry/hours", "expiry_hours"),
        (##""hours":24"##, ##""hours":-24"##, "/metadata/expiry/hours", "expiry_hours"),
        (##""hours":24"##, ##""hours":1.5"##, "/metadata/expiry/hours", "expiry_hours"),
        (##""hours":24"##, ##""hours":"24""##, "/metadata/expiry/hours", "type"),
        (##""timeframe":"H1""##, ##""timeframe":"""##, "/metadata/timeframe", "text_empty"),
        (##""price":1.345"##, ##""price":-1"##, "/levels/pivot/price", "price_not_positive"),
        (##""price":1.345"##, ##""price":0"##, "/levels/pivot/price", "price_not_positive"),
        (##""price":1.345"##, ##""price":1e400"##, "/levels/pivot/price", "price_not_finite"),
        (##""price":1.345"##, ##""price":"1.345""##, "/levels/pivot/price", "type"),
        (##""price":1.345,"##, "", "/levels/pivot/price", "required"),
        (##""time":"2026-01-08T12:00:00Z""##, ##""time":"2026-02-30T12:00:00Z""##, "/levels/pivot/time", "time_format"),
        (##""price":1.35,"##, ##""price":1.3449,"##, "/levels/resistance/price", "level_order"),
        (##""price":1.341,"##, ##""price":1.3451,"##, "/levels/pivot/price", "level_order"),
        (
            ##""clientObjectId":"res_1""##, ##""clientObjectId":"pivot_main""##, "/levels/resistance/clientObjectId",
            "id_duplicate"
        ),
        (##""clientObjectId":"res_1""##, ##""clientObjectId":"""##, "/levels/resistance/clientObjectId", "id_empty"),
        (
            ##""clientObjectId":"res_1""##, ##""clientObjectId":"res 1""##, "/levels/resistance/clientObjectId",
            "id_malformed"
        ),
        (##""type":"RECTANGLE""##, ##""type":"TRIANGLE""##, "/drawings/0/type", "drawing_type_unknown"),
        (##""price":1.338}"##, ##""price":1.338,"w":1}"##, "/drawings/0/points/0/w", "unknown_field"),
        (##""fillColor":"#00FF33""##, ##""fillColor":"green""##, "/drawings/0/style/fillColor", "color_format"),
        (##""fillColor":"#00FF33""##, ##""fillColor":"#00FF33\n""##, "/drawings/0/style/fillColor", "color_format"),
        (##""fillColor":"#00FF33","##, "", "/drawings/0/style/fillColor", "required"),
        (
            ##""borderColor":"#00FF00","##, ##""borderColor":"#00FF00","color":"#FF0000","##, "/drawings/0/style/color",
            "not_applicable"
        ),
        (
            ##""time":"2026-01-09T00:00:00Z","price":1.347}"##, ##""time":"2026-01-09T00:00:00Z","price":1.338}"##,
            "/drawings/0/points", "degenerate_rectangle"
        ),
        (
            ##""time":"2026-01-09T00:00:00Z","price":1.347}"##, ##""time":"2026-01-08T00:00:00Z","price":1.347}"##,
            "/drawings/0/points", "degenerate_rectangle"
        ),
        (
            ##""time":"2026-01-09T00:00:00Z","price":1.3505}"##, ##""time":"2026-01-08T00:00:00Z","price":1.3485}"##,
            "/drawings/1/points", "degenerate_line"
        ),
        (##""endHead":"ARROW""##, ##""endHead":"CIRCLE""##, "/drawings/1/endHead", "enum_unknown"),
        (##""lineStyle":"DASHED""##, ##""lineStyle":"DASH_DOT""##, "/drawings/1/style/lineStyle", "enum_unknown"),
        (
            ##""color":"#0000FF","lineWidth":2"##, ##""color":"#0000FF","lineWidth":11"##,
            "/drawings/1/style/lineWidth", "line_width_range"
        ),
        (
            ##""color":"#0000FF","lineWidth":2"##, ##""color":"#0000FF","lineWidth":0"##, "/drawings/1/style/lineWidth",
            "line_width_range"
        ),
        (
            ##""color":"#0000FF","lineWidth":2"##, ##""color":"#0000FF","lineWidth":1.5"##,
            "/drawings/1/style/lineWidth", "line_width_fraction"
        ),
        (
            ##""color":"#0000FF","lineWidth":2"##, ##""color":"#0000FF","lineWidth":"2""##,
            "/drawings/1/style/lineWidth", "type"
        ),
        (
            ##""points":[{"time":"2026-01-08T10:00:00Z","price":1.355}]"##,
            ##""points":[{"time":"2026-01-08T10:00:00Z","price":1.355},{"time":"2026-01-08T11:00:00Z","price":1.355}]"##,
            "/drawings/2/points", "point_count"
        ),
        (##""price":1.355}"##, ##""price":1.355,"price":1.356}"##, "/drawings/2/points/0/price", "json_duplicate_key"),
        (
            ##""clientObjectId":"target""##, ##""clientObjectId":"entry_line""##, "/drawings/2/clientObjectId",
            "id_duplicate"
        ),
        (##"[[target:resistance]]"##, ##"[[ghost:resistance]]"##, "/metadata/preferenceText", "link_unknown_id"),
        (##""symbol":"GBP/USD""##, ##""symbol":"GBP/USD","tags":["fx"]"##, "/metadata/tags", "unknown_field"),
        (##""comments":"Watch for volume confirmation""##, ##""comments":null"##, "/metadata/comments", "null_value"),
        (##""title":"GBPUSD Bullish Bounce from Support""##, ##""title":null"##, "/metadata/title", "required"),
        (##""drawings":["##, ##""drawings":[7,"##, "/drawings/0", "type"),
        (##""metadata":{"##, ##""metadata":[],"x":{"##, "/metadata", "type"),
    ]

    @Test(arguments: breaks)
    func eachRule(old: String, new: String, path: String, code: String) throws {
        let r = check(Fixture.create(replacing: old, with: new))
        #expect(!r.isValid, "expected an error \(code) at \(path)")
        #expect(
            r.issues.contains { $0.path == path && $0.code.rawValue == code && $0.severity == .error }, "\(pairs(r))")
        for i in r.issues {
            #expect(i.message.hasSuffix("."), "\(i.message)")
            #expect(!i.message.isEmpty)
        }
    }

    /// Bodies at the edges of the rules: valid.
    static let edges: [(String, String)] = [
        (##""hours":24"##, ##""hours":1"##),
        (##""hours":24"##, ##""hours":24.0"##),
        (##""hours":24"##, ##""hours":8760"##),
        (##""color":"#0000FF","lineWidth":2"##, ##""color":"#0000FF","lineWidth":1"##),
        (##""color":"#0000FF","lineWidth":2"##, ##""color":"#0000FF","lineWidth":10"##),
        (##""color":"#0000FF","lineWidth":2"##, ##""color":"#0000FF","lineWidth":2.0"##),
        (##""fillColor":"#00FF33""##, ##""fillColor":"#00ff3380""##),
        (##""time":"2026-01-08T12:00:00Z""##, ##""time":"2026-01-08T12:00:00.123Z""##),
        (##""price":1.355}"##, ##""price":1e-10}"##),
        (##""lineStyle":"DASHED""##, ##""lineStyle":"DOTTED""##),
        (##"[[target:resistance]]"##, ##"[[sup_1:support]]"##),
        (##""clientObjectId":"res_1""##, ##""clientObjectId":"res-1.A_b""##),
        (##""price":1.341,"##, ##""price":1.3449,"##),
    ]

    @Test(arguments: edges)
    func validAtTheEdge(old: String, new: String) {
        let r = check(Fixture.create(replacing: old, with: new))
        #expect(r.isValid, "\(pairs(r))")
    }

    @Test func textLimitsAreErrorsWhenStrictWarningsWhenLenient() {
        let long = String(repeating: "é", count: WireLimits.maxTitle + 1)
        let body = Fixture.create(replacing: "GBPUSD Bullish Bounce from Support", with: long)
        #expect(pairs(check(body)) == ["/metadata/title text_too_long"])
        #expect(!check(body).isValid)
        #expect(check(body, .create, .lenient).isValid)
        let atLimit = Fixture.create(
            replacing: "GBPUSD Bullish Bounce from Support", with: String(repeating: "é", count: WireLimits.maxTitle))
        #expect(check(atLimit).issues == [])
    }

    @Test func unknownsAreWarningsUnderLenient() {
        let body = Fixture.create(replacing: ##""direction":"BULLISH""##, with: ##""direction":"SIDEWAYS","mood":1"##)
        let strict = check(body)
        #expect(strict.issues.map(\.severity) == [.error, .error])
        let lenient = check(body, .create, .lenient)
        #expect(lenient.isValid)
        #expect(lenient.issues.map(\.severity) == [.warning, .warning])
        #expect(Set(pairs(lenient)) == ["/metadata/direction enum_unknown", "/metadata/mood unknown_field"])
    }

    @Test func aCharacterNoPinnedFontHasIsAWarningNamingIt() {
        let body = Fixture.create(
            replacing: ##""title":"GBPUSD Bullish Bounce from Support""##,
            with: ##""title":"GBPUSD \uDBFF\uDFFD bounce 比特币 🚀""##)
        for policy in ValidationPolicy.allCases {
            let r = check(body, .create, policy)
            #expect(r.isValid)
            #expect(
                r.issues.map { "\($0.path) \($0.code) \($0.severity)" } == ["/metadata/title glyph_missing warning"])
            #expect(r.issues.first?.message.contains("U+10FFFD") == true, "\(r.issues)")
        }
        // Chinese and emoji alone are drawn: no warning.
        let fine = check(
            Fixture.create(
                replacing: ##""title":"GBPUSD Bullish Bounce from Support""##, with: ##""title":"比特币 🚀 اختراق""##))
        #expect(fine.issues.isEmpty, "\(fine.issues)")
    }

    @Test func judgementRulesAreWarningsInBothPolicies() {
        let body = Fixture.create(replacing: ##""hours":24"##, with: ##""hours":43800"##)
        for policy in ValidationPolicy.allCases {
            let r = check(body, .create, policy)
            #expect(r.isValid)
            #expect(
                r.issues.map { "\($0.path) \($0.code) \($0.severity)" } == [
                    "/metadata/expiry/hours expiry_long warning"
                ])
        }
        let far = check(Fixture.create(replacing: ##""price":1.355}"##, with: ##""price":13.55}"##))
        #expect(far.isValid)
        #expect(pairs(far) == ["/drawings/2/points/0/price price_far_from_levels"])
    }

    @Test func oneBrokenDrawingDoesNotHideTheOthers() {
        var body = Fixture.create(
            replacing:
                ##""type":"RECTANGLE","clientObjectId":"support_zone","points":[{"time":"2026-01-08T00:00:00Z","price":1.338},"##,
            with: ##""type":"RECTANGLE","clientObjectId":"support_zone","points":["##)
        body = body.replacingFirst(##""lineStyle":"DASHED""##, ##""lineStyle":"WAVY""##)
        body = body.replacingFirst(##""price":1.355}"##, ##""price":-1}"##)
        let r = check(body)
        #expect(
            Set(pairs(r)) == [
                "/drawings/0/points point_count", "/drawings/1/style/lineStyle enum_unknown",
                "/drawings/2/points/0/price price_not_positive",
            ])
    }

    @Test func malformedJSONIsAnIssueWithLineColumnAndPath() {
        let r = check(##"{"sender": "a", "levels": {"pivot": {"price": 1.3,}}}"##)
        #expect(r.issues.count == 1)
        #expect(r.issues[0].code == "json_trailing_comma")
        #expect(r.issues[0].path == "/levels/pivot/price")
        #expect(r.issues[0].message.contains("line 1, column 51"))
        #expect(r.analysis == nil)
    }

    @Test func fibonacciRules() {
        func fib(
            _ levels: String,
            points: String =
                ##"[{"time":"2026-01-08T00:00:00Z","price":1.33},{"time":"2026-01-09T00:00:00Z","price":1.36}]"##
        ) -> ValidationReport {
            check(
                ##"{"sender":"s","drawings":[{"type":"FIBONACCI_RETRACEMENT","clientObjectId":"f","points":"## + points
                    + ##","levels":"## + levels
                    + ##","style":{"color":"#000000","lineWidth":1,"lineStyle":"SOLID"}}]}"##, .append)
        }
        #expect(fib("[0,0.5,1]").issues == [])
        #expect(fib("[-1,5]").issues == [])
        #expect(pairs(fib("[0,0.5,0.5,1]")) == ["/drawings/0/levels/2 fibonacci_duplicate"])
        #expect(pairs(fib("[0,1,0.5]")) == ["/drawings/0/levels fibonacci_order"])
        #expect(pairs(fib("[0,5.5]")) == ["/drawings/0/levels/1 fibonacci_ratio"])
        #expect(pairs(fib("[]")) == ["/drawings/0/levels fibonacci_count"])
        #expect(pairs(fib("[0,\"x\"]")) == ["/drawings/0/levels/1 type"])
        #expect(
            pairs(
                fib(
                    "[0,1]",
                    points:
                        ##"[{"time":"2026-01-08T00:00:00Z","price":1.33},{"time":"2026-01-09T00:00:00Z","price":1.33}]"##
                ))
                == ["/drawings/0/points degenerate_fibonacci"])
    }

    @Test func channelRules() {
        func channel(_ p3: String) -> ValidationReport {
            check(
                ##"{"drawings":[{"type":"PARALLEL","clientObjectId":"c","points":[{"time":"2026-01-08T00:00:00Z","price":1.30},{"time":"2026-01-09T00:00:00Z","price":1.40},"##
                    + p3
                    + ##"],"style":{"color":"#000000","lineWidth":1,"lineStyle":"SOLID","fillColor":"#00000026"}}]}"##,
                .append)
        }
        #expect(channel(##"{"time":"2026-01-08T12:00:00Z","price":1.30}"##).issues == [])
        #expect(
            pairs(channel(##"{"time":"2026-01-08T12:00:00Z","price":1.35}"##)) == [
                "/drawings/0/points degenerate_channel"
            ])
        #expect(
            pairs(channel(##"{"time":"2026-01-10T00:00:00Z","price":1.5}"##)) == [
                "/drawings/0/points degenerate_channel"
            ])
    }

    @Test func thousandDrawingsAreValidAndOneMoreIsTooMany() {
        func body(_ n: Int) -> String {
            var ds: [String] = []
            for k in 0..<n {
                ds.append(
                    ##"{"type":"HORIZONTAL_LINE","clientObjectId":"h\##(k)","points":[{"time":"2026-01-08T10:00:00Z","price":1.3\##(k % 10)}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}}"##
                )
            }
            return ##"{"drawings":["## + ds.joined(separator: ",") + "]}"
        }
        #expect(check(body(1000), .append).issues == [])
        #expect(pairs(check(body(1001), .append)) == ["/drawings too_many_drawings"])
        #expect(check(body(1001), .append, .lenient).isValid)
    }
}

extension String {
    /// The string with the first occurrence of `old` replaced.
    func replacingFirst(_ old: String, _ new: String) -> String {
        guard let r = firstRange(of: old) else { return self }
        var out = self
        out.replaceSubrange(r, with: new)
        return out
    }
}
