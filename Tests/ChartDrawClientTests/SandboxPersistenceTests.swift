import ChartDrawClient
import ChartDrawCore
import ChartDrawSandbox
import ChartDrawWire
import Foundation
import Testing

/// `--db FILE`: the state survives a restart.
@Suite struct SandboxPersistenceTests {
    @Test func stateSurvivesRestart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chartdraw-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("sandbox.sqlite").path

        let h1 = try await Harness(databasePath: db)
        let c1 = h1.client()
        let created = try await c1.create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        let id = try #require(created.analysisId)
        _ = try await c1.update(analysisId: id, Fixture.update)
        let second = try #require(
            try await c1.create(
                Fixture.createTitled("Gone"), communityId: Harness.community, channelId: Harness.channel
            ).analysisId)
        _ = try await c1.delete(analysisId: second)
        let before = try await c1.get(analysisId: id)
        await h1.stop()

        let h2 = try await Harness(databasePath: db)
        let c2 = h2.client()
        #expect(await h2.sandbox.analysisCount == 1)
        let after = try await c2.get(analysisId: id)
        #expect(after.data == before.data)
        #expect(after.data["metadata"]?["title"]?.stringValue == "EURUSD Updated Analysis")
        #expect(await clientError { try await c2.get(analysisId: second) }?.apiStatus == 404)
        // the idempotency record survived: the same post answers the first result
        let replay = try await c2.create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        #expect(replay.analysisId == id)
        #expect(replay.body == created.body)
        #expect(await h2.sandbox.analysisCount == 1)
        // new ids do not collide with stored ones
        let third = try #require(
            try await c2.create(
                Fixture.createTitled("Third"), communityId: Harness.community, channelId: Harness.channel
            ).analysisId)
        #expect(third != id)
        #expect(try await c2.list().data["total"]?.intValue == 2)
        await h2.stop()
    }

    @Test func inMemoryStateDoesNotSurvive() async throws {
        let h1 = try await Harness()
        _ = try await h1.client().create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        await h1.stop()
        let h2 = try await Harness()
        #expect(await h2.sandbox.analysisCount == 0)
        await h2.stop()
    }
}
