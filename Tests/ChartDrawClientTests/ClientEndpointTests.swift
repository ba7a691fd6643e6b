import ChartDrawClient
import ChartDrawCore
import ChartDrawSandbox
import ChartDrawWire
import Foundation
import Testing

/// The client against the sandbox: every endpoint and every status path.
@Suite struct ClientEndpointTests {
    @Test func everyEndpointRoundTrips() async throws {
        let h = try await Harness()
        let c = h.client()
        // create
        let created = try await c.create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        #expect(created.statusCode == 201)
        #expect(created.envelope.status == "success")
        let id = try #require(created.analysisId)
        #expect(APIEndpoints.isObjectId(id))
        #expect(created.data["type"]?.stringValue == "bullish_bounce")
        // every level and drawing got a persisted id, and links name persisted ids
        let drawings = try #require(created.data["drawings"]?.arrayValue)
        #expect(drawings.count == 3)
        var persisted: [String: String] = [:]
        for d in drawings {
            let pid = try #require(d["id"]?.stringValue)
            #expect(APIEndpoints.isObjectId(pid))
            persisted[try #require(d["clientObjectId"]?.stringValue)] = pid
        }
        let pref = try #require(created.data["metadata"]?["preferenceText"]?.stringValue)
        #expect(pref.contains("[[\(try #require(persisted["support_zone"])):demand zone]]"))
        #expect(!pref.contains("[[support_zone:"))
        #expect(created.data["levels"]?["pivot"]?["id"]?.stringValue.map(APIEndpoints.isObjectId) == true)

        // get
        let got = try await c.get(analysisId: id)
        #expect(got.statusCode == 200)
        #expect(got.analysisId == id)
        #expect(got.data["metadata"]?["title"]?.stringValue == "GBPUSD Bullish Bounce from Support")

        // update: the documented example, then drawings replaced and the rest kept
        let updated = try await c.update(analysisId: id, Fixture.update)
        #expect(updated.statusCode == 200)
        #expect(updated.envelope.message == "Analysis updated successfully")
        #expect(updated.updatedFields == ["title", "sender"])
        let replace =
            ##"{"drawings":[{"type":"HORIZONTAL_LINE","clientObjectId":"only_line","points":[{"time":"2026-01-08T12:00:00Z","price":1.3455}],"style":{"color":"#00AA00","lineWidth":2,"lineStyle":"SOLID"}}]}"##
        let r2 = try await c.update(analysisId: id, Array(replace.utf8))
        #expect(r2.updatedFields == ["drawings"])
        let afterUpdate = try await c.get(analysisId: id)
        #expect(afterUpdate.data["metadata"]?["title"]?.stringValue == "EURUSD Updated Analysis")
        #expect(afterUpdate.data["drawings"]?.arrayValue?.count == 1)
        #expect(afterUpdate.data["levels"]?["support"]?["price"] != nil)

        // append: adds, and an id the analysis has is a conflict
        let add =
            ##"{"drawings":[{"type":"LINE","clientObjectId":"new_line","points":[{"time":"2026-01-08T10:00:00Z","price":1.342},{"time":"2026-01-08T16:00:00Z","price":1.349}],"style":{"color":"#1E90FF","lineWidth":2,"lineStyle":"DASHED"}}]}"##
        let appended = try await c.append(analysisId: id, Array(add.utf8))
        #expect(appended.statusCode == 200)
        #expect(appended.data["drawings"]?.arrayValue?.first?["clientObjectId"]?.stringValue == "new_line")
        #expect((try await c.get(analysisId: id)).data["drawings"]?.arrayValue?.count == 2)
        let again = await clientError { try await c.append(analysisId: id, Array(add.utf8)) }
        #expect(again?.apiStatus == 409)
        #expect(again?.apiError?.detail?.arrayValue?.first?.stringValue == "new_line")

        // list
        _ = try await c.create(
            Fixture.createTitled("Second"), communityId: Harness.community, channelId: Harness.channel)
        let page1 = try await c.list(page: 1, limit: 1)
        #expect(page1.data["total"]?.intValue == 2)
        #expect(page1.data["totalPages"]?.intValue == 2)
        #expect(page1.data["items"]?.arrayValue?.count == 1)
        #expect(page1.data["items"]?.arrayValue?.first?["metadata"]?["title"]?.stringValue == "Second")
        let page2 = try await c.list(page: 2, limit: 1)
        #expect(page2.data["items"]?.arrayValue?.first?["analysisId"]?.stringValue == id)

        // delete, then 404
        let deleted = try await c.delete(analysisId: id)
        #expect(deleted.data["deleted"] == .bool(true))
        #expect(await clientError { try await c.get(analysisId: id) }?.apiStatus == 404)
        #expect(await clientError { try await c.delete(analysisId: id) }?.apiStatus == 404)
        #expect(await h.sandbox.analysisCount == 1)
        await h.stop()
    }

    @Test func authFailures() async throws {
        let h = try await Harness()
        let none = await clientError { try await h.client(key: nil).list() }
        #expect(none?.apiStatus == 401)
        #expect(none?.apiError?.isAuthFailure == true)
        #expect(await clientError { try await h.client(key: "wrong").list() }?.apiStatus == 401)
        // a key scoped to another community: 403 on create and on an analysis of this one
        let scoped = h.client(key: Harness.scopedKey)
        #expect(
            await clientError {
                try await scoped.create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
            }?.apiStatus == 403)
        let id = try #require(
            try await h.client().create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
                .analysisId)
        #expect(await clientError { try await scoped.get(analysisId: id) }?.apiStatus == 403)
        #expect(await clientError { try await scoped.delete(analysisId: id) }?.apiStatus == 403)
        // and it lists only its own community
        #expect(try await scoped.list().data["total"]?.intValue == 0)
        // no retry on 401: one request
        let before = h.requests.count
        _ = await clientError { try await h.client(key: "wrong").get(analysisId: id) }
        #expect(h.requests.count == before + 1)
        await h.stop()
    }

    @Test func refusedRequestsCarryTheServersDetail() async throws {
        let h = try await Harness()
        let raw = h.client(validate: false)
        // a body the engine refuses: 400 with every issue
        let bad = String(decoding: Fixture.create, as: UTF8.self).replacingOccurrences(
            of: "\"price\": 1.345", with: "\"price\": -1.345")
        let e = await clientError {
            try await raw.create(Array(bad.utf8), communityId: Harness.community, channelId: Harness.channel)
        }
        #expect(e?.apiStatus == 400)
        let issues = try #require(e?.apiError?.detail?.arrayValue)
        #expect(
            issues.contains {
                $0["code"]?.stringValue == "price_not_positive" && $0["path"]?.stringValue == "/levels/pivot/price"
            })
        // the client refuses the same body before sending
        let before = h.requests.count
        let local = await clientError {
            try await h.client().create(Array(bad.utf8), communityId: Harness.community, channelId: Harness.channel)
        }
        guard case .invalidBody(let li)? = local else {
            Issue.record("expected invalidBody, got \(String(describing: local))")
            return
        }
        #expect(li.contains { $0.code == "price_not_positive" })
        #expect(h.requests.count == before)
        // ids that are not ObjectIds, pagination out of range
        #expect(await clientError { try await raw.get(analysisId: "not-an-id") }?.apiStatus == 400)
        #expect(
            await clientError { try await raw.create(Fixture.create, communityId: "c1", channelId: Harness.channel) }?
                .apiStatus == 400)
        #expect(await clientError { try await raw.list(page: 0) }?.apiStatus == 400)
        #expect(await clientError { try await raw.list(limit: 101) }?.apiStatus == 400)
        guard case .invalidArgument? = await clientError({ try await h.client().get(analysisId: "not-an-id") }) else {
            Issue.record("the client should refuse a non-ObjectId id")
            return
        }
        // unknown analysis: 404; unknown route: 404
        #expect(await clientError { try await raw.get(analysisId: "65a1b2c3d4e5f60718293a00") }?.apiStatus == 404)
        #expect(await clientError { try await h.client(prefix: "/nope").list() }?.apiStatus == 404)
        // 400s are sent once
        #expect(h.requests.filter { $0.uri.hasPrefix("/v1/analysis?page=0") }.count == 1)
        await h.stop()
    }

    @Test func bodiesOverTheLimitGet413() async throws {
        let h = try await Harness(maxBodyBytes: 1000)
        #expect(Fixture.create.count > 1000)
        let e = await clientError {
            try await h.client().create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        }
        #expect(e?.apiStatus == 413)
        #expect(e?.apiError?.isRefused == true)
        #expect(await h.sandbox.analysisCount == 0)
        await h.stop()
    }

    @Test func idempotentCreates() async throws {
        let h = try await Harness()
        let c = h.client()
        let a = try await c.create(Fixture.createNoKey, communityId: Harness.community, channelId: Harness.channel)
        let b = try await c.create(Fixture.createNoKey, communityId: Harness.community, channelId: Harness.channel)
        #expect(a.analysisId == b.analysisId)
        #expect(a.body == b.body)
        #expect(await h.sandbox.analysisCount == 1)
        // the derived key is the documented hash
        let sent = try #require(h.requests.first?.body)
        let key = try #require(AnalysisDecoder.decode(sent).idempotencyKey)
        #expect(
            key
                == IdempotencyKey.derive(
                    try AnalysisDecoder.decode(Fixture.createNoKey), communityId: Harness.community,
                    channelId: Harness.channel))
        #expect(key.hasPrefix("cd-sha256-") && key.utf8.count == 74)
        // another body under the same key: 409
        let e = await clientError {
            try await c.create(
                Fixture.createTitled("Other"), communityId: Harness.community, channelId: Harness.channel,
                idempotencyKey: key)
        }
        #expect(e?.apiStatus == 409)
        // another channel is another analysis
        _ = try await c.create(
            Fixture.createNoKey, communityId: Harness.community, channelId: "65a1b2c3d4e5f60718293a4d")
        // a caller's key wins over the derived one
        let k1 = try await c.create(
            Fixture.create, communityId: Harness.community, channelId: Harness.channel, idempotencyKey: "post-1")
        let k2 = try await c.create(
            Fixture.create, communityId: Harness.community, channelId: Harness.channel, idempotencyKey: "post-2")
        #expect(k1.analysisId != k2.analysisId)
        #expect(await h.sandbox.analysisCount == 4)
        await h.stop()
    }

    @Test func preparedRequestIsWhatIsSent() async throws {
        let h = try await Harness()
        let c = h.client()
        let p = try c.prepareCreate(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        #expect(p.body == CanonicalEncoder.encode(try AnalysisDecoder.decode(p.body ?? []), endpoint: .create))
        _ = try await c.send(p)
        let r = try #require(h.requests.last)
        #expect(r.body == p.body)
        #expect(r.method == "POST")
        #expect(r.uri == "/v1/analysis/\(Harness.community)/channels/\(Harness.channel)")
        for header in p.headers {
            #expect(r.header(header.name) == header.value, "\(header.name)")
        }
        // the curl form never holds the key
        #expect(!p.curlCommand().contains(Harness.key))
        #expect(p.curlCommand().contains("\"Authorization: Bearer $RETURNING_AI_API_KEY\""))
        await h.stop()
    }

    @Test func keyIsRedacted() {
        let config = ClientConfiguration(apiKey: APIKey("sk-very-secret\n"))
        #expect(config.apiKey?.value == "sk-very-secret")
        for text in ["\(config)", String(reflecting: config), "\(config.apiKey!)", String(reflecting: config.apiKey!)] {
            #expect(!text.contains("very-secret"), "\(text)")
        }
    }

    @Test func endpointsAndURLs() {
        #expect(
            APIEndpoints.create(communityId: "a", channelId: "b").url(
                baseURL: "https://api.returning.ai/", pathPrefix: "/v1/")
                == "https://api.returning.ai/v1/analysis/a/channels/b")
        #expect(
            APIEndpoints.update(analysisId: "x").url(
                baseURL: APIEndpoints.integrationBaseURL, pathPrefix: APIEndpoints.integrationPathPrefix)
                == "https://integration.returning.ai/apis/v1/analysis/x")
        #expect(
            APIEndpoints.list(page: 2, limit: 20).url(baseURL: "http://h", pathPrefix: "")
                == "http://h/analysis?page=2&limit=20")
        #expect(APIEndpoints.get(analysisId: "a/b c").path == "/analysis/a%2Fb%20c")
        #expect(APIEndpoints.isDocumented(.create) && APIEndpoints.isDocumented(.update))
        #expect(!APIEndpoints.isDocumented(.append) && !APIEndpoints.isDocumented(.list))
    }

    @Test func envelopeKeepsUnknownMembers() throws {
        let e = try #require(
            APIEnvelope.decode(
                Array(#"{"status":"success","meta":{"x":1},"message":"ok","data":{"a":1},"trace":"t"}"#.utf8)))
        #expect(e.status == "success")
        #expect(e.message == "ok")
        #expect(e.data?["a"]?.intValue == 1)
        #expect(e.otherMembers.map(\.key) == ["meta", "trace"])
        #expect(
            String(decoding: e.encoded(), as: UTF8.self)
                == #"{"status":"success","message":"ok","data":{"a":1},"meta":{"x":1},"trace":"t"}"#)
        #expect(APIEnvelope.decode(Array("[1]".utf8)) == nil)
        let err = APIError(
            statusCode: 400, body: Array(#"{"status":"error","error":"Bad thing","details":[{"field":"x"}]}"#.utf8))
        #expect(err.message == "Bad thing")
        #expect(err.detail?.arrayValue?.first?["field"]?.stringValue == "x")
        #expect(APIError(statusCode: 502, body: []).message == "upstream failure")
    }
}
