import ChartDrawCore
import ChartDrawWire
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The sandbox's SQLite file (`--db FILE`): analyses and idempotency records survive restarts.
/// Every change is written before it is answered.
final class SandboxDatabase: Sendable {
    private let queue: DatabaseQueue

    init(path: String) throws {
        queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS analysis (
                        id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, communityId TEXT NOT NULL,
                        channelId TEXT NOT NULL, body TEXT NOT NULL, objectIds TEXT NOT NULL,
                        createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS idempotency (
                        scope TEXT PRIMARY KEY NOT NULL, fingerprint TEXT NOT NULL, analysisId TEXT NOT NULL,
                        response TEXT NOT NULL);
                    """)
        }
    }

    func loadAll() throws -> ([StoredAnalysis], [IdempotencyRecord]) {
        try queue.read { db in
            let a = try Row.fetchAll(db, sql: "SELECT * FROM analysis ORDER BY seq").map { r in
                StoredAnalysis(
                    id: r["id"], seq: r["seq"], communityId: r["communityId"], channelId: r["channelId"],
                    body: Array((r["body"] as String).utf8), objectIds: Self.decodeIds(r["objectIds"]),
                    createdAt: r["createdAt"],
                    updatedAt: r["updatedAt"])
            }
            let i = try Row.fetchAll(db, sql: "SELECT * FROM idempotency").map { r in
                IdempotencyRecord(
                    scope: r["scope"], fingerprint: Array((r["fingerprint"] as String).utf8),
                    analysisId: r["analysisId"],
                    response: Array((r["response"] as String).utf8))
            }
            return (a, i)
        }
    }

    func save(_ a: StoredAnalysis, idempotency: IdempotencyRecord?) throws {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO analysis (id, seq, communityId, channelId, body, objectIds, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET body = excluded.body, objectIds = excluded.objectIds, updatedAt = excluded.updatedAt
                    """,
                arguments: [
                    a.id, a.seq, a.communityId, a.channelId, String(decoding: a.body, as: UTF8.self),
                    Self.encodeIds(a.objectIds),
                    a.createdAt, a.updatedAt,
                ])
            if let i = idempotency {
                try db.execute(
                    sql:
                        "INSERT OR REPLACE INTO idempotency (scope, fingerprint, analysisId, response) VALUES (?, ?, ?, ?)",
                    arguments: [
                        i.scope, String(decoding: i.fingerprint, as: UTF8.self), i.analysisId,
                        String(decoding: i.response, as: UTF8.self),
                    ])
            }
        }
    }

    func delete(_ id: String) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM analysis WHERE id = ?", arguments: [id]) }
    }

    /// The id map as a JSON object, keys sorted.
    private static func encodeIds(_ ids: [String: String]) -> String {
        let members = ids.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) }
        return String(decoding: JSONWriter.encode(.object(members)), as: UTF8.self)
    }

    private static func decodeIds(_ s: String) -> [String: String] {
        guard case .object(let ms)? = try? JSONParser.parse(s) else { return [:] }
        var out: [String: String] = [:]
        for m in ms { if case .string(let v) = m.value { out[m.key] = v } }
        return out
    }
}
