import ChartDrawCore

/// One validation run: walks an analysis in body order and collects issues. JSON pointers
/// are built only when an issue is reported.
struct Checker {
    let endpoint: Endpoint
    let policy: ValidationPolicy
    let existing: Analysis?
    var issues: [ValidationIssue] = []

    /// Every clientObjectId seen so far and where (``IdPlace``).
    var ids = IdTable()
    /// Links found in the metadata texts, resolved once every id is known.
    var links: [LinkRef] = []
    /// The lowest and highest level price (for the far-from-levels warning).
    var levelRange: (lo: Double, hi: Double)? = nil
    /// Pointers of times already reported as `time_not_utc`.
    var reportedNotUTC: Set<String> = []

    init(endpoint: Endpoint, policy: ValidationPolicy, existing: Analysis?) {
        self.endpoint = endpoint
        self.policy = policy
        self.existing = existing
    }

    /// Error under strict, warning under lenient.
    var soft: Severity { policy == .strict ? .error : .warning }

    /// Reports an issue.
    @inline(never)
    mutating func report(
        _ path: String, _ code: IssueCode, _ severity: Severity, _ message: String, suggestion: String? = nil
    ) {
        issues.append(
            ValidationIssue(path: path, code: code, severity: severity, message: message, suggestion: suggestion))
    }

    // MARK: - Root

    mutating func analysis(_ a: Analysis) {
        let u = a.unknownFields
        // Required members per endpoint.
        switch endpoint {
        case .create:
            for m in RootMember.required(.create) { requireMember(a.has(m), m, u, "") }
        case .update:
            let meta =
                a.metadata.map { md in
                    MetadataMember.table.members.contains { md.has($0) } || !md.unknownFields.isEmpty
                } ?? false
            let lv =
                a.levels.map { l in
                    LevelsMember.table.members.contains { l.has($0) } || !l.unknownFields.isEmpty
                } ?? false
            let updating: [RootMember] = [.metadata, .levels, .drawings]
            if !meta && !lv && a.drawings == nil
                && !u.fields.contains(where: { f in updating.contains { $0.key == f.key } })
            {
                report(
                    "", IssueCode.updateEmpty, .error,
                    "The update has nothing to update; give at least one of metadata (title, preferenceText, alternativeText, comments), levels or drawings."
                )
            }
            if let k = a.idempotencyKey {
                // The docs show idempotencyKey only on create; silent about updates: a warning.
                report(
                    "/idempotencyKey", IssueCode.notApplicable, .warning,
                    "idempotencyKey \(quoted(k)) is not documented for updates; the server may ignore it.")
            }
        case .append:
            if let d = a.drawings, d.isEmpty {
                report(
                    "/drawings", IssueCode.appendEmpty, .error,
                    "The append body has an empty drawings array; give at least one drawing.")
            } else if a.drawings == nil && u[RootMember.drawings.key] == nil {
                report(
                    "/drawings", IssueCode.appendEmpty, .error,
                    "The append body has no drawings; give a drawings array with at least one drawing.")
            }
            for m in RootMember.table.members where a.has(m) && !m.belongsInAppend {
                report(
                    "/" + m.key, IssueCode.notApplicable, soft,
                    "\(m.key) does not belong in an append body (only sender and drawings); remove it.")
            }
        }
        if let s = a.sender {
            text(s, max: WireLimits.maxSender, nonEmpty: true, name: RootMember.sender.key, "/" + RootMember.sender.key)
        }
        if let m = a.metadata { metadata(m) }
        if let l = a.levels { levels(l) } else if endpoint == .update, let l = existing?.levels { mergedLevelsOnly(l) }
        if let k = a.idempotencyKey, endpoint != .update {
            let m = RootMember.idempotencyKey
            text(k, max: WireLimits.maxIdempotencyKey, nonEmpty: true, name: m.key, "/" + m.key)
        }
        for f in u.fields { rawMember(.root, f.key, f.value, "/" + JSONPointer.escape(f.key)) }
        registerExistingIds(a)
        if let ds = a.drawings { drawings(ds) }
        resolveLinks(a)
    }

    /// Reports `key` as missing when it is neither present nor kept as sent (a null or a value
    /// of the wrong type, which is reported where it stands).
    mutating func requireMember(
        _ present: Bool, _ m: some WireObject, _ u: UnknownFields, _ base: @autoclosure () -> String
    ) {
        let key = m.key
        guard !present, u.isEmpty || u[key] == nil else { return }
        if !u.isEmpty {
            // A misspelt member standing for `key` is reported once, as unknown_field.
            let ctx: RawContext = base().isEmpty ? .root : .metadata
            if misspelt(key, in: u.fields.map { JSONMember($0.key, $0.value) }, ctx) { return }
        }
        report(
            base() + "/" + key, IssueCode.required, .error,
            "\(key) is missing; it is required\(endpoint == .create ? "" : " here").")
    }

    // MARK: - Metadata

    mutating func metadata(_ m: AnalysisMetadata) {
        let u = m.unknownFields
        for r in MetadataMember.required(endpoint) { requireMember(m.has(r), r, u, "/" + RootMember.metadata.key) }
        if endpoint == .update {
            // The docs name the four texts as updatable and list expiry among the update's
            // updatedFields; about the other members they are silent: a warning, not a refusal.
            for x in MetadataMember.table.members where !x.isUpdatable && m.has(x) {
                report(
                    "/metadata/" + x.key, IssueCode.notUpdatable, .warning,
                    "metadata.\(x.key) is not documented as updatable (title, preferenceText, alternativeText, comments and expiry are); the server may ignore it: check the analysis after the update, or create a new one."
                )
            }
        }
        if let d = m.direction { direction(d.rawValue, "/metadata/direction") }
        if let e = m.entryPlacement { entryPlacement(e.rawValue, "/metadata/entryPlacement") }
        if let e = m.expiry {
            expiryType(e.type.rawValue, "/metadata/expiry/type")
            hours(e.hours, "/metadata/expiry/hours")
            for f in e.unknownFields.fields {
                rawMember(.expiry, f.key, f.value, "/metadata/expiry/" + JSONPointer.escape(f.key))
            }
        }
        if let t = m.title { text(t, max: WireLimits.maxTitle, nonEmpty: true, name: "title", "/metadata/title") }
        if let t = m.preferenceText { longText(t, MetadataMember.preferenceText.key) }
        if let t = m.alternativeText { longText(t, MetadataMember.alternativeText.key) }
        if let t = m.comments { longText(t, MetadataMember.comments.key) }
        if let t = m.timeframe {
            text(t, max: WireLimits.maxTimeframe, nonEmpty: true, name: "timeframe", "/metadata/timeframe")
        }
        if let t = m.symbol { text(t, max: WireLimits.maxSymbol, nonEmpty: true, name: "symbol", "/metadata/symbol") }
        for gap in FontCoverage.missingCharacters(in: m) {
            let more = gap.count > 1 ? " (\(gap.count) characters in all)" : ""
            report(
                gap.path, IssueCode.glyphMissing, .warning,
                "\(gap.path.dropFirst(10)) has \(gap.codePoint), a character no font of the preview has\(more): "
                    + "the picture shows an empty box there; replace it or leave it out.")
        }
        for f in u.fields { rawMember(.metadata, f.key, f.value, "/metadata/" + JSONPointer.escape(f.key)) }
    }

    /// preferenceText, alternativeText, comments: length and links.
    mutating func longText(_ t: String, _ field: String) {
        text(t, max: WireLimits.maxLongText, nonEmpty: false, name: field, "/metadata/" + field)
        scanLinks(t, field)
    }

    // MARK: - Levels

    mutating func levels(_ l: Levels) {
        var merged = l
        if endpoint == .update, let old = existing?.levels {
            for r in LevelsMember.table.members where l[r] == nil && l.unknownFields[r.key] == nil {
                merged[r] = old[r]
            }
        }
        for r in LevelsMember.table.members { if let e = l[r] { levelEntry(e, r.key) } }
        for f in l.unknownFields.fields { rawMember(.levels, f.key, f.value, "/levels/" + JSONPointer.escape(f.key)) }
        order(merged, given: l)
    }

    mutating func levelEntry(_ e: LevelEntry, _ role: String) {
        price(e.price, "/levels/" + role + "/" + LevelEntryMember.price.key, what: "The \(role) price")
        clientObjectId(
            e.clientObjectId, "/levels/" + role + "/" + LevelEntryMember.clientObjectId.key, place: .level(role))
        for f in e.unknownFields.fields {
            rawMember(.levelEntry(role), f.key, f.value, "/levels/" + role + "/" + JSONPointer.escape(f.key))
        }
    }

    /// An update without levels: the existing levels still bound the drawings' prices.
    mutating func mergedLevelsOnly(_ l: Levels) {
        noteRange(l)
    }

    /// support < pivot < resistance for every pair that is present. Support at or above
    /// resistance is one mistake (the two swapped) and gives one issue, at support; the pivot
    /// is then checked against the pair as it will be once swapped back.
    mutating func order(_ l: Levels, given: Levels) {
        noteRange(l)
        let s = l.support?.price, p = l.pivot?.price, r = l.resistance?.price
        func bad(_ lo: Double?, _ hi: Double?) -> Bool {
            guard let lo, let hi, lo.isFinite, hi.isFinite else { return false }
            return !(lo < hi)
        }
        if bad(s, r), let s, let r {
            let at: LevelRole = given.support != nil || given.resistance == nil ? .support : .resistance
            let pivotText = p.map { ", pivot \(num($0))" } ?? ""
            report(
                "/levels/\(at.rawValue)/price", IssueCode.levelOrder, .error,
                "The support price \(num(s)) is not below the resistance price \(num(r))\(pivotText) (support < pivot < resistance); support and resistance look swapped: swap them."
            )
            if let p, p.isFinite, !(Swift.min(s, r) < p && p < Swift.max(s, r)) {
                report(
                    "/levels/pivot/price", IssueCode.levelOrder, .error,
                    "The pivot price \(num(p)) is not between the support and resistance prices \(num(Swift.min(s, r))) and \(num(Swift.max(s, r))) (support < pivot < resistance); move the pivot between them."
                )
            }
            return
        }
        // Adjacent pairs of the present levels, low to high.
        if bad(s, p) { orderIssue(l, given, .support, .pivot) }
        if bad(p, r) { orderIssue(l, given, .pivot, .resistance) }
    }

    @inline(never)
    mutating func orderIssue(_ l: Levels, _ given: Levels, _ loRole: LevelRole, _ hiRole: LevelRole) {
        func price(_ role: LevelRole, _ x: Levels) -> Double? {
            switch role {
            case .support: return x.support?.price
            case .pivot: return x.pivot?.price
            case .resistance: return x.resistance?.price
            }
        }
        guard let lo = price(loRole, l), let hi = price(hiRole, l) else { return }
        // Report where the caller can fix it: the higher role if it was given, else the lower.
        let givesHi = price(hiRole, given) != nil
        let givesLo = price(loRole, given) != nil
        guard givesHi || givesLo else { return }
        let role = givesHi ? hiRole : loRole
        report(
            "/levels/\(role.rawValue)/price", IssueCode.levelOrder, .error,
            "The \(hiRole.rawValue) price \(num(hi)) must be above the \(loRole.rawValue) price \(num(lo)) (support < pivot < resistance); fix the \(hiRole.rawValue) or the \(loRole.rawValue) price."
        )
    }

    mutating func noteRange(_ l: Levels) {
        var lo = Double.infinity, hi = -Double.infinity
        func take(_ p: Double?) {
            if let p, p.isFinite, p > 0 {
                lo = min(lo, p)
                hi = max(hi, p)
            }
        }
        take(l.support?.price)
        take(l.pivot?.price)
        take(l.resistance?.price)
        if lo <= hi { levelRange = (lo, hi) }
    }

    // MARK: - Ids and links

    /// Registers and checks a clientObjectId.
    mutating func clientObjectId(_ id: String, _ path: @autoclosure () -> String, place: IdPlace) {
        // One pass over the bytes: well-formed (only id bytes, not too long) and the hash.
        var bytes = id
        let (wellFormed, hash) = bytes.withUTF8 { u -> (Bool, UInt64) in
            var ok = u.count <= WireLimits.maxClientObjectId
            var h = IdTable.seed
            for c in u {
                ok = ok && LinkedText.isIdByte(c)
                h = IdTable.mix(h, c)
            }
            return (ok, h)
        }
        if id.isEmpty {
            report(
                path(), IssueCode.idEmpty, .error,
                "clientObjectId is empty; give a non-empty id such as \"support_zone\".")
        } else if !wellFormed {
            report(
                path(), IssueCode.idMalformed, soft,
                "clientObjectId \(quoted(id)) is not a well-formed id; use at most \(WireLimits.maxClientObjectId) letters, digits, '_', '-' or '.' so that links can name it."
            )
        }
        if let first = ids.insert(id, hash: hash, place) {
            report(
                path(), IssueCode.idDuplicate, .error,
                "clientObjectId \(quoted(id)) is already used at \(first.pointer); give every level and drawing its own id."
            )
        }
    }

    /// With an existing analysis: its ids that this body does not replace also count (for
    /// links, and for collisions of appended drawings).
    mutating func registerExistingIds(_ a: Analysis) {
        guard let old = existing else { return }
        switch endpoint {
        case .create: return
        case .append:
            if let l = old.levels {
                for r in LevelsMember.table.members {
                    if let e = l[r], ids[e.clientObjectId] == nil { ids[e.clientObjectId] = .existing(.level(r.key)) }
                }
            }
            for (i, d) in (old.drawings ?? []).enumerated() {
                if let id = d.clientObjectId, ids[id] == nil { ids[id] = .existing(.drawing(i)) }
            }
        case .update:
            // Levels not replaced stay; drawings stay unless the update replaces them.
            if let l = old.levels {
                for r in LevelsMember.table.members {
                    guard let e = l[r], a.levels?.unknownFields[r.key] == nil else { continue }
                    let replaced = a.levels?[r] != nil
                    if !replaced && ids[e.clientObjectId] == nil { ids[e.clientObjectId] = .existing(.level(r.key)) }
                }
            }
            if a.drawings == nil && a.unknownFields[RootMember.drawings.key] == nil {
                for (i, d) in (old.drawings ?? []).enumerated() {
                    if let id = d.clientObjectId, ids[id] == nil { ids[id] = .existing(.drawing(i)) }
                }
            }
        }
    }

    /// Every link must name an id of the analysis (for update and append, of the merged
    /// result; without the existing analysis, links that may name its objects are not checked).
    mutating func resolveLinks(_ a: Analysis) {
        guard !links.isEmpty else { return }
        if endpoint != .create && existing == nil { return }
        for link in links where ids[link.clientObjectId] == nil {
            if let meant = Suggestion.nearest(link.clientObjectId, in: ids.all) {
                report(
                    "/metadata/" + link.field, IssueCode.linkUnknownId, .error,
                    "The link [[\(link.clientObjectId):\(link.displayText)]] in \(link.field) names no clientObjectId of this analysis; did you mean \(quoted(meant)) (at \(ids[meant]?.pointer ?? "?"))? Use the id of one of its levels or drawings.",
                    suggestion: meant)
            } else {
                report(
                    "/metadata/" + link.field, IssueCode.linkUnknownId, .error,
                    "The link [[\(link.clientObjectId):\(link.displayText)]] in \(link.field) names no clientObjectId of this analysis; use the id of one of its levels or drawings."
                )
            }
        }
    }
}

/// Where a clientObjectId was first seen.
indirect enum IdPlace {
    case level(String)
    case drawing(Int)
    /// In the existing analysis (`--existing`), at the place given.
    case existing(IdPlace)

    var pointer: String {
        switch self {
        case .level(let role): return "/levels/\(role)/clientObjectId"
        case .drawing(let i): return "/drawings/\(i)/clientObjectId"
        case .existing(let p): return "\(p.pointer) of the existing analysis"
        }
    }
}
