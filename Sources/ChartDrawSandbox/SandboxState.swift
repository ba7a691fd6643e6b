import ChartDrawCore
import ChartDrawWire

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One stored analysis: the merged create body (canonical bytes, client ids and texts as
/// sent) and the persisted id of each of its client object ids.
struct StoredAnalysis: Sendable, Hashable {
    var id: String
    var seq: Int
    var communityId: String
    var channelId: String
    var body: [UInt8]
    var objectIds: [String: String]
    var createdAt: String
    var updatedAt: String
}

/// The first answer to an idempotent create, and what it was for.
struct IdempotencyRecord: Sendable, Hashable {
    /// `communityId` + newline + key.
    var scope: String
    /// Channel + newline + the canonical body: what "the same body" means.
    var fingerprint: [UInt8]
    var analysisId: String
    var response: [UInt8]
}

/// An answer: status, JSON body, extra headers.
public struct SandboxReply: Sendable {
    public var status: Int
    public var body: [UInt8]
    public var headers: [(String, String)] = []

    static func success(_ status: Int, _ message: String, _ data: JSONValue) -> SandboxReply {
        SandboxReply(status: status, body: APIEnvelope(status: "success", message: message, data: data).encoded())
    }

    static func error(_ status: Int, _ message: String, _ detail: JSONValue? = nil) -> SandboxReply {
        var env = APIEnvelope(status: "error", message: message)
        if let detail { env.otherMembers.append(JSONMember("errors", detail)) }
        return SandboxReply(status: status, body: env.encoded())
    }
}

/// The sandbox's analyses, idempotency records and rules; in memory, written through to
/// SQLite when a database is given.
actor SandboxState {
    private var analyses: [String: StoredAnalysis] = [:]
    private var idempotency: [String: IdempotencyRecord] = [:]
    private var nextSeq = 1
    private var generator = ObjectIdGenerator()
    private let db: SandboxDatabase?

    init(db: SandboxDatabase?) throws {
        self.db = db
        if let db {
            let (a, i) = try db.loadAll()
            for x in a { analyses[x.id] = x }
            for x in i { idempotency[x.scope] = x }
            nextSeq = (a.map(\.seq).max() ?? 0) + 1
        }
    }

    var count: Int { analyses.count }

    // MARK: - Operations

    func create(community: String, channel: String, body: [UInt8], key: SandboxKey) -> SandboxReply {
        guard APIEndpoints.isObjectId(community), APIEndpoints.isObjectId(channel) else {
            return .error(400, "Invalid ObjectId in the path: communityId and channelId are 24 hexadecimal digits.")
        }
        guard key.allows(community) else { return .error(403, "The API key cannot access community \(community).") }
        let report = ChartAnalysisValidator.validate(body, endpoint: .create, policy: .lenient)
        guard report.isValid, let analysis = report.analysis else { return invalid(report) }
        let canonical = CanonicalEncoder.encode(analysis, endpoint: .create)
        var scope: String?
        if let k = analysis.idempotencyKey {
            let s = community + "\n" + k
            let fingerprint = Array((channel + "\n").utf8) + canonical
            if let rec = idempotency[s] {
                if rec.fingerprint == fingerprint {
                    return SandboxReply(status: 201, body: rec.response, headers: [("Idempotent-Replayed", "true")])
                }
                return .error(
                    409, "The idempotencyKey '\(k)' was used with another body; send a new key for a new analysis.")
            }
            scope = s
        }
        let now = Self.now()
        var rec = StoredAnalysis(
            id: generator.next(), seq: nextSeq, communityId: community, channelId: channel, body: canonical,
            objectIds: [:], createdAt: now,
            updatedAt: now)
        rec.objectIds = assignIds(analysis, keeping: [:])
        let reply = SandboxReply.success(201, "Analysis created successfully", view(rec))
        do {
            var idem: IdempotencyRecord?
            if let scope {
                idem = IdempotencyRecord(
                    scope: scope, fingerprint: Array((channel + "\n").utf8) + canonical, analysisId: rec.id,
                    response: reply.body)
            }
            try db?.save(rec, idempotency: idem)
            nextSeq += 1
            analyses[rec.id] = rec
            if let idem { idempotency[idem.scope] = idem }
        } catch {
            return .error(500, "The sandbox could not store the analysis: \(error)")
        }
        return reply
    }

    func get(_ id: String, key: SandboxKey) -> SandboxReply {
        switch find(id, key) {
        case .failure(let f): return f.reply
        case .success(let rec): return .success(200, "Analysis retrieved successfully", view(rec))
        }
    }

    func list(page: String?, limit: String?, key: SandboxKey) -> SandboxReply {
        let p: Int
        let l: Int
        if let page {
            guard let v = Int(page), APIEndpoints.pageRange.contains(v) else {
                return .error(
                    400,
                    "Invalid pagination: page must be an integer from \(APIEndpoints.pageRange.lowerBound); it is '\(page)'."
                )
            }
            p = v
        } else {
            p = 1
        }
        if let limit {
            guard let v = Int(limit), APIEndpoints.limitRange.contains(v) else {
                return .error(
                    400,
                    "Invalid pagination: limit must be an integer from \(APIEndpoints.limitRange.lowerBound) to \(APIEndpoints.limitRange.upperBound); it is '\(limit)'."
                )
            }
            l = v
        } else {
            l = APIEndpoints.defaultLimit
        }
        let visible = analyses.values.filter { key.allows($0.communityId) }.sorted { $0.seq > $1.seq }
        let start = min(visible.count, (p - 1) * l)
        let items = visible[start..<min(visible.count, start + l)].map { view($0) }
        let total = visible.count
        return .success(
            200, "Analyses retrieved successfully",
            .object([
                JSONMember("items", .array(items)),
                JSONMember("page", .int(p)),
                JSONMember("limit", .int(l)),
                JSONMember("total", .int(total)),
                JSONMember("totalPages", .int((total + l - 1) / l)),
            ]))
    }

    func update(_ id: String, body: [UInt8], key: SandboxKey) -> SandboxReply {
        var rec: StoredAnalysis
        switch find(id, key) {
        case .failure(let f): return f.reply
        case .success(let r): rec = r
        }
        guard let old = try? AnalysisDecoder.decode(rec.body) else {
            return .error(500, "The stored analysis is unreadable.")
        }
        let report = ChartAnalysisValidator.validate(body, endpoint: .update, policy: .lenient, existing: old)
        guard report.isValid, let u = report.analysis else { return invalid(report) }
        var merged = old
        var fields: [String] = []
        if let s = u.sender { merged.sender = s }
        if let md = u.metadata {
            var m = merged.metadata ?? AnalysisMetadata()
            func set<T>(_ name: String, _ v: T?, _ path: WritableKeyPath<AnalysisMetadata, T?>) {
                if let v {
                    m[keyPath: path] = v
                    fields.append(name)
                }
            }
            set("direction", md.direction, \.direction)
            set("entryPlacement", md.entryPlacement, \.entryPlacement)
            set("expiry", md.expiry, \.expiry)
            set("title", md.title, \.title)
            set("preferenceText", md.preferenceText, \.preferenceText)
            set("alternativeText", md.alternativeText, \.alternativeText)
            set("comments", md.comments, \.comments)
            set("timeframe", md.timeframe, \.timeframe)
            set("symbol", md.symbol, \.symbol)
            for f in md.unknownFields.fields {
                if let i = m.unknownFields.fields.firstIndex(where: { $0.key == f.key }) {
                    m.unknownFields.fields[i].value = f.value
                } else {
                    m.unknownFields.fields.append(f)
                }
                fields.append(f.key)
            }
            merged.metadata = m
        }
        if let l = u.levels {
            var ml = merged.levels ?? Levels()
            if let v = l.pivot { ml.pivot = v }
            if let v = l.resistance { ml.resistance = v }
            if let v = l.support { ml.support = v }
            merged.levels = ml
            fields.append("levels")
        }
        if let d = u.drawings {
            merged.drawings = d
            fields.append("drawings")
        }
        if u.sender != nil { fields.append("sender") }
        rec.body = CanonicalEncoder.encode(merged, endpoint: .create)
        rec.objectIds = assignIds(merged, keeping: rec.objectIds)
        rec.updatedAt = Self.now()
        if let r = store(rec) { return r }
        return .success(
            200, "Analysis updated successfully",
            .object([
                JSONMember("analysisId", .string(rec.id)),
                JSONMember("updatedFields", .array(fields.map { .string($0) })),
            ]))
    }

    func append(_ id: String, body: [UInt8], key: SandboxKey) -> SandboxReply {
        var rec: StoredAnalysis
        switch find(id, key) {
        case .failure(let f): return f.reply
        case .success(let r): rec = r
        }
        guard let old = try? AnalysisDecoder.decode(rec.body) else {
            return .error(500, "The stored analysis is unreadable.")
        }
        // A drawing id the analysis already has is a conflict with its state, not a bad body.
        if let a = try? AnalysisDecoder.decode(body) {
            let existing = Set(old.clientObjectIds)
            let clashes = (a.drawings ?? []).compactMap(\.clientObjectId).filter { existing.contains($0) }
            if !clashes.isEmpty {
                return .error(
                    409,
                    "The analysis already has objects with these clientObjectIds; give the new drawings other ids.",
                    .array(clashes.map { .string($0) }))
            }
        }
        let report = ChartAnalysisValidator.validate(body, endpoint: .append, policy: .lenient, existing: old)
        guard report.isValid, let u = report.analysis else { return invalid(report) }
        var merged = old
        let added = u.drawings ?? []
        merged.drawings = (old.drawings ?? []) + added
        rec.body = CanonicalEncoder.encode(merged, endpoint: .create)
        rec.objectIds = assignIds(merged, keeping: rec.objectIds)
        rec.updatedAt = Self.now()
        if let r = store(rec) { return r }
        let ids: [JSONValue] = added.compactMap { d in
            d.clientObjectId.map { c in
                .object([JSONMember("clientObjectId", .string(c)), JSONMember("id", .string(rec.objectIds[c] ?? ""))])
            }
        }
        return .success(
            200, "Drawings appended successfully",
            .object([JSONMember("analysisId", .string(rec.id)), JSONMember("drawings", .array(ids))]))
    }

    func delete(_ id: String, key: SandboxKey) -> SandboxReply {
        switch find(id, key) {
        case .failure(let f): return f.reply
        case .success(let rec):
            do {
                try db?.delete(rec.id)
            } catch {
                return .error(500, "The sandbox could not delete the analysis: \(error)")
            }
            analyses[rec.id] = nil
            return .success(
                200, "Analysis deleted successfully",
                .object([JSONMember("analysisId", .string(rec.id)), JSONMember("deleted", .bool(true))]))
        }
    }

    // MARK: - Helpers

    private func find(_ id: String, _ key: SandboxKey) -> Result<StoredAnalysis, SandboxFailure> {
        guard APIEndpoints.isObjectId(id) else {
            return .failure(
                SandboxFailure(.error(400, "Invalid ObjectId '\(id)': an analysisId is 24 hexadecimal digits.")))
        }
        guard let rec = analyses[id.lowercased()] else {
            return .failure(SandboxFailure(.error(404, "Analysis \(id) not found.")))
        }
        guard key.allows(rec.communityId) else {
            return .failure(SandboxFailure(.error(403, "The API key cannot access the community of analysis \(id).")))
        }
        return .success(rec)
    }

    private func store(_ rec: StoredAnalysis) -> SandboxReply? {
        do {
            try db?.save(rec, idempotency: nil)
        } catch {
            return .error(500, "The sandbox could not store the analysis: \(error)")
        }
        analyses[rec.id] = rec
        return nil
    }

    private func invalid(_ report: ValidationReport) -> SandboxReply {
        let errors = report.errors
        let detail = JSONValue.array(
            report.issues.map { i in
                .object([
                    JSONMember("path", .string(i.path)), JSONMember("code", .string(i.code.rawValue)),
                    JSONMember("severity", .string(i.severity.rawValue)), JSONMember("message", .string(i.message)),
                ])
            })
        let first = errors.first.map { ": \($0.path.isEmpty ? "/" : $0.path) \($0.message)" } ?? ""
        return .error(
            400, "Invalid request body (\(errors.count) error\(errors.count == 1 ? "" : "s"))\(first)", detail)
    }

    /// Persisted ids for every client object id of `a`: kept where known, new otherwise.
    private func assignIds(_ a: Analysis, keeping old: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for c in a.clientObjectIds { out[c] = old[c] ?? generator.next() }
        return out
    }

    /// The analysis as get, list and create answer it: ids first, the body with each object's
    /// persisted `id` and the text links remapped to persisted ids, then the times.
    private func view(_ rec: StoredAnalysis) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("analysisId", .string(rec.id)), JSONMember("communityId", .string(rec.communityId)),
            JSONMember("channelId", .string(rec.channelId)),
        ]
        let a = try? AnalysisDecoder.decode(rec.body)
        if let md = a?.metadata, let d = md.direction, let e = md.entryPlacement,
            let t = AnalysisType(direction: d, entryPlacement: e)
        {
            members.append(JSONMember("type", .string(t.rawValue)))
        }
        if case .object(let body)? = try? JSONParser.parse(rec.body) {
            for m in body {
                switch m.key {
                case "metadata": members.append(JSONMember(m.key, remapTexts(m.value, rec.objectIds)))
                case "levels":
                    guard case .object(let ls) = m.value else {
                        members.append(m)
                        continue
                    }
                    members.append(
                        JSONMember(m.key, .object(ls.map { JSONMember($0.key, withId($0.value, rec.objectIds)) })))
                case "drawings":
                    guard case .array(let ds) = m.value else {
                        members.append(m)
                        continue
                    }
                    members.append(JSONMember(m.key, .array(ds.map { withId($0, rec.objectIds) })))
                default: members.append(m)
                }
            }
        }
        members.append(JSONMember("createdAt", .string(rec.createdAt)))
        members.append(JSONMember("updatedAt", .string(rec.updatedAt)))
        return .object(members)
    }

    private func withId(_ v: JSONValue, _ ids: [String: String]) -> JSONValue {
        guard case .object(let ms) = v, case .string(let c)? = v["clientObjectId"], let id = ids[c] else { return v }
        var out: [JSONMember] = []
        for m in ms {
            out.append(m)
            if m.key == "clientObjectId" { out.append(JSONMember("id", .string(id))) }
        }
        return .object(out)
    }

    private func remapTexts(_ v: JSONValue, _ ids: [String: String]) -> JSONValue {
        guard case .object(let ms) = v else { return v }
        return .object(
            ms.map { m in
                guard case .string(let s) = m.value else { return m }
                return JSONMember(m.key, .string(Self.remapLinks(s, ids)))
            })
    }

    /// `[[clientObjectId:text]]` becomes `[[persistedId:text]]` for every id in `ids`.
    static func remapLinks(_ text: String, _ ids: [String: String]) -> String {
        let links = LinkedText(parsing: text).links
        guard !links.isEmpty else { return text }
        let u = Array(text.utf8)
        var out: [UInt8] = []
        var at = 0
        for l in links {
            out += u[at..<l.utf8Range.lowerBound]
            if let id = ids[l.clientObjectId] {
                out += Array("[[\(id):\(l.displayText)]]".utf8)
            } else {
                out += u[l.utf8Range]
            }
            at = l.utf8Range.upperBound
        }
        out += u[at...]
        return String(decoding: out, as: UTF8.self)
    }

    static func now() -> String {
        Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970.rounded(.down))?.iso8601 ?? "1970-01-01T00:00:00Z"
    }
}

/// A failed lookup's answer.
struct SandboxFailure: Error {
    var reply: SandboxReply
    init(_ r: SandboxReply) { reply = r }
}

extension JSONValue {
    static func int(_ v: Int) -> JSONValue { .number(JSONNumber(literal: String(v), value: Double(v))) }
}

/// MongoDB-style ObjectIds: 4 bytes of seconds, 5 random bytes per process, a 3-byte counter;
/// 24 lower-case hex digits.
struct ObjectIdGenerator: Sendable {
    private let random: UInt64 = UInt64.random(in: 0..<(1 << 40))
    private var counter: UInt32 = UInt32.random(in: 0..<(1 << 24))

    mutating func next() -> String {
        counter = (counter &+ 1) & 0xFF_FFFF
        let secs = UInt32(truncatingIfNeeded: Int64(Date().timeIntervalSince1970))
        var bytes: [UInt8] = []
        for i in (0..<4).reversed() { bytes.append(UInt8(truncatingIfNeeded: secs >> (8 * UInt32(i)))) }
        for i in (0..<5).reversed() { bytes.append(UInt8(truncatingIfNeeded: random >> (8 * UInt64(i)))) }
        for i in (0..<3).reversed() { bytes.append(UInt8(truncatingIfNeeded: counter >> (8 * UInt32(i)))) }
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] }, as: UTF8.self)
    }
}
