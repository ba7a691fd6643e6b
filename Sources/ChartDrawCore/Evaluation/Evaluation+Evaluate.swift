// The evaluation walk: one pass over the candles after the start, every object per bar.
// O(candles × objects) time (Fibonacci: × ratios), memory O(objects + events).

extension Evaluation {
    /// The default start: the latest point or level time of the analysis; `nil` when it has
    /// none.
    public static func defaultStart(of analysis: Analysis) -> Timestamp? {
        var latest: Timestamp?
        func include(_ t: Timestamp) { if latest.map({ $0 < t }) ?? true { latest = t } }
        for (_, entry) in analysis.levels?.ordered ?? [] { include(entry.time) }
        for d in analysis.drawings ?? [] {
            for p in d.points { include(p.time) }
        }
        return latest
    }

    /// Which objects play the target, invalidation and entry roles (docs/evaluation.md):
    /// an object whose id is `target` / `stop` / `entry` (any case), else one that
    /// `preferenceText` links with that display text, else the levels: for BULLISH the
    /// resistance is the target and the support the invalidation, for BEARISH the reverse;
    /// the entry, for breakout types only, defaults to the pivot.
    public static func roles(of analysis: Analysis) -> EvaluationRoles {
        let ids = analysis.clientObjectIds
        let links = LinkedText(parsing: analysis.metadata?.preferenceText ?? "").links
        func named(_ word: String) -> String? {
            if let id = ids.first(where: { $0.lowercased() == word }) { return id }
            for l in links where ids.contains(l.clientObjectId) {
                if l.displayText.trimmingSpaces.lowercased() == word { return l.clientObjectId }
            }
            return nil
        }
        let levels = analysis.levels
        var roles = EvaluationRoles(target: named("target"), stop: named("stop"))
        switch analysis.metadata?.direction {
        case .bullish?:
            roles.target = roles.target ?? levels?.resistance?.clientObjectId
            roles.stop = roles.stop ?? levels?.support?.clientObjectId
        case .bearish?:
            roles.target = roles.target ?? levels?.support?.clientObjectId
            roles.stop = roles.stop ?? levels?.resistance?.clientObjectId
        default:
            return EvaluationRoles()
        }
        if let type = analysis.metadata?.analysisType, type == .bullishBreakout || type == .bearishBreakout {
            roles.entry = named("entry") ?? levels?.pivot?.clientObjectId
        }
        return roles
    }

    /// Evaluates the analysis over the candles after its start: every event of every level
    /// and drawing, in time order, and the outcome of the idea.
    ///
    /// Candles before the start still place the drawings in bar space and give the price a
    /// side of each line before the first evaluated bar; pass the candles the analysis was
    /// drawn on together with the later ones for the exact geometry of the chart.
    public static func evaluate(
        _ analysis: Analysis, candles: CandleSeries, options: EvaluationOptions = EvaluationOptions()
    ) -> Evaluation {
        var walk = EvaluationWalk(analysis: analysis, candles: candles, options: options)
        return walk.run()
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        let s = self.drop(while: { $0 == " " || $0 == "\t" })
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " || s[s.index(before: end)] == "\t" {
            end = s.index(before: end)
        }
        return s[s.startIndex..<end]
    }
}

/// Where price is relative to an object's band.
enum BandSide {
    case unknown, below, inside, above
}

/// The state of one object during the walk.
struct TrackState {
    /// Whether the previous evaluated bar had the object defined.
    var active = false
    /// The side of the last close (for lines: the last close not exactly on the line).
    var side = BandSide.unknown
    /// Whether the previous bar reached the line (channel: the lower line).
    var touching = false
    /// Whether the previous bar reached the channel's upper line.
    var touchingUpper = false
}

/// The per-bar view of a track: its band and kind, without the arrays of a retracement (so
/// the walk's inner loop copies no reference-counted storage).
struct TrackShape {
    let kind: EvaluationTrack.Kind
    let first: Double, last: Double
    let xa: Double, pa: Double, xb: Double, pb: Double
    let flat: Bool
    let offset: Double

    init(_ t: EvaluationTrack) {
        kind = t.kind
        first = t.first
        last = t.last
        xa = t.xa
        pa = t.pa
        xb = t.xb
        pb = t.pb
        flat = t.flat
        offset = t.offset
    }

    /// As ``EvaluationTrack/band(at:)``.
    @inline(__always)
    func band(at k: Double) -> (lo: Double, hi: Double)? {
        guard k >= first, k <= last else { return nil }
        if flat { return (pa, pb) }
        let base = pa + (pb - pa) * (k - xa) / (xb - xa)
        if kind == .line { return (base, base) }
        let other = base + offset
        return base <= other ? (base, other) : (other, base)
    }
}

/// One evaluation in progress.
struct EvaluationWalk {
    let candles: [Candle]
    let options: EvaluationOptions
    let tracks: [EvaluationTrack]
    let shapes: [TrackShape]
    let ids: [String?]
    var states: [TrackState]
    /// Per track: which Fibonacci ratios were reached.
    var reached: [[Bool]]
    /// The tracks that may still report, in body order.
    var alive: [Int]
    let roles: EvaluationRoles
    let bullish: Bool
    let targetIndex: Int?, stopIndex: Int?, entryIndex: Int?
    let firstBar: Int
    let start: Timestamp?
    var expiry: Timestamp?
    var warnings: [ChartWarning] = []
    var events: [EvaluationEvent] = []
    var outcome = EvaluationOutcome(status: .open)
    var decided = false
    var entered = false

    init(analysis: Analysis, candles series: CandleSeries, options: EvaluationOptions) {
        candles = series.candles
        self.options = options
        let scale = BarTimeScale(candles: series, timeframe: analysis.metadata?.timeframe)
        var tracks: [EvaluationTrack] = []
        if let levels = analysis.levels {
            for entry in [levels.pivot, levels.resistance, levels.support] {
                if let entry { tracks.append(.level(id: entry.clientObjectId, price: entry.price)) }
            }
        }
        var skipped: [ChartWarning.Subject] = []
        for (i, d) in (analysis.drawings ?? []).enumerated() {
            if let t = EvaluationTrack.drawing(d, scale: scale, extendRight: options.extendRight) {
                tracks.append(t)
            } else {
                skipped.append(.drawing(d, index: i))
            }
        }
        if !skipped.isEmpty {
            let n = skipped.count
            warnings.append(
                ChartWarning(
                    .drawingNotEvaluated,
                    "\(n) drawing\(n == 1 ? " is" : "s are") of an unknown type or without a time span and give no events",
                    subjects: skipped))
        }
        self.tracks = tracks
        shapes = tracks.map(TrackShape.init)
        ids = tracks.map(\.id)
        states = Array(repeating: TrackState(), count: tracks.count)
        reached = tracks.map { Array(repeating: false, count: $0.ratios.count) }
        alive = Array(tracks.indices)

        if let from = options.from {
            start = from
            firstBar = series.firstIndex(notBefore: from.secondsSinceEpoch)
        } else if let s = Evaluation.defaultStart(of: analysis) {
            start = s
            firstBar = series.firstIndex(after: s.secondsSinceEpoch)
        } else {
            start = nil
            firstBar = 0
            warnings.append(
                ChartWarning(.noStartTime, "the analysis has no point or level time; every candle is evaluated"))
        }
        if firstBar >= candles.count {
            warnings.append(
                ChartWarning(
                    .noCandleAfterStart,
                    "no candle comes after the start \(start.map(\.iso8601) ?? ""); nothing to evaluate"))
        }

        if let e = analysis.metadata?.expiry {
            let resolved = e.resolve(from: options.createdAt ?? start)
            expiry = resolved.instant
            if let w = resolved.warning("the idea cannot expire") { warnings.append(w) }
        }

        roles = Evaluation.roles(of: analysis)
        bullish = analysis.metadata?.direction == .bullish
        if roles.target == nil && roles.stop == nil {
            warnings.append(
                analysis.metadata?.direction == .bullish || analysis.metadata?.direction == .bearish
                    ? ChartWarning(
                        .noTargetOrStop,
                        "the analysis names no target and no invalidation (levels or objects named target/stop); the outcome can only expire"
                    )
                    : ChartWarning(.noDirection, "the direction is not BULLISH or BEARISH; the outcome can only expire")
            )
        }
        func index(_ id: String?) -> Int? { id.flatMap { id in tracks.firstIndex { $0.id == id } } }
        targetIndex = index(roles.target)
        stopIndex = index(roles.stop)
        entryIndex = index(roles.entry)
    }

    mutating func run() -> Evaluation {
        if firstBar < candles.count {
            for k in firstBar..<candles.count { step(k) }
        }
        return Evaluation(
            events: events, outcome: outcome, roles: roles, firstBar: firstBar, start: start, expiry: expiry,
            warnings: warnings)
    }

    // MARK: - One bar

    mutating func step(_ k: Int) {
        let c = candles[k]
        let prevClose = k > 0 ? candles[k - 1].close : c.open
        if !decided { decide(k, c) }
        var dropped = false
        for i in alive {
            let before = events.count
            stepTrack(i, k, c, prevClose)
            if i == entryIndex, !entered, events.count > before { checkEntry(from: before, k, c) }
            // Undefined at this bar and the one before: it cannot report again.
            if Double(k) - 1 > shapes[i].last { dropped = true }
        }
        if dropped { alive.removeAll { Double(k) - 1 > shapes[$0].last } }
    }

    /// The outcome at bar k: expiry first, then the invalidation, then the target.
    mutating func decide(_ k: Int, _ c: Candle) {
        if let e = expiry, !(c.time < e) {
            outcome.status = .expired
            outcome.time = c.time
            outcome.bar = k
            decided = true
            events.append(EvaluationEvent(time: c.time, bar: k, objectId: nil, kind: .expired, price: c.close))
            return
        }
        var stopHit = false, targetHit = false
        if let s = stopIndex, let band = shapes[s].band(at: Double(k)) {
            let edge = bullish ? band.lo : band.hi
            outcome.stopPrice = edge
            switch options.crossTrigger {
            case .close: stopHit = bullish ? c.close < edge : c.close > edge
            case .wick: stopHit = bullish ? c.low < edge : c.high > edge
            }
        }
        if let t = targetIndex, let band = shapes[t].band(at: Double(k)) {
            let edge = bullish ? band.lo : band.hi
            outcome.targetPrice = edge
            switch options.touchTrigger {
            case .wick: targetHit = bullish ? c.high >= edge : c.low <= edge
            case .close: targetHit = bullish ? c.close >= edge : c.close <= edge
            }
        }
        // A bar that reaches both counts as invalidated: its path inside the bar is unknown.
        if stopHit || targetHit {
            outcome.status = stopHit ? .invalidated : .targetHit
            outcome.time = c.time
            outcome.bar = k
            decided = true
        }
    }

    /// Appends the entry event when the entry object's events at this bar cross it in the
    /// analysis' direction.
    mutating func checkEntry(from first: Int, _ k: Int, _ c: Candle) {
        let wanted: Set<EvaluationEventKind> =
            bullish ? [.crossUp, .exitUp, .breakUp] : [.crossDown, .exitDown, .breakDown]
        for e in events[first...] where wanted.contains(e.kind) {
            entered = true
            events.append(EvaluationEvent(time: c.time, bar: k, objectId: e.objectId, kind: .entry, price: e.price))
            return
        }
    }

    @inline(__always)
    static func classify(_ p: Double, _ band: (lo: Double, hi: Double)) -> BandSide {
        p > band.hi ? .above : (p < band.lo ? .below : .inside)
    }

    /// The side a bar moves to under the cross trigger, from `side`.
    @inline(__always)
    func judged(_ c: Candle, from side: BandSide, _ band: (lo: Double, hi: Double)) -> BandSide {
        if options.crossTrigger == .close { return Self.classify(c.close, band) }
        switch side {
        case .below: return Self.classify(c.high, band)
        case .above: return Self.classify(c.low, band)
        case .inside: return c.high > band.hi ? .above : (c.low < band.lo ? .below : .inside)
        case .unknown: return Self.classify(c.close, band)
        }
    }

    /// Whether the bar reaches price `p` under the touch trigger.
    @inline(__always)
    func reaches(_ p: Double, _ c: Candle, _ prevClose: Double) -> Bool {
        switch options.touchTrigger {
        case .wick: return c.low <= p && p <= c.high
        case .close: return Swift.min(prevClose, c.close) <= p && p <= Swift.max(prevClose, c.close)
        }
    }

    mutating func emit(
        _ k: Int, _ c: Candle, _ i: Int, _ kind: EvaluationEventKind, _ price: Double, ratio: Double? = nil
    ) {
        events.append(
            EvaluationEvent(time: c.time, bar: k, objectId: ids[i], kind: kind, price: price, ratio: ratio))
    }

    mutating func stepTrack(_ i: Int, _ k: Int, _ c: Candle, _ prevClose: Double) {
        let track = shapes[i]
        let x = Double(k)
        guard let band = track.band(at: x) else {
            // The box's time span ended between the previous bar and this one, with the
            // previous close inside it.
            if track.kind == .rectangle, k > 0, x > track.last, let prev = track.band(at: x - 1),
                Self.classify(candles[k - 1].close, prev) == .inside
            {
                emit(k, c, i, .exitTime, c.close)
            }
            states[i].active = false
            return
        }
        var st = states[i]
        if !st.active {
            // The side before the first bar: the previous close where the object is defined
            // there, else this bar's open.
            st.active = true
            st.touching = false
            st.touchingUpper = false
            if k > 0, let before = track.band(at: x - 1) {
                st.side = Self.classify(candles[k - 1].close, before)
            } else {
                st.side = Self.classify(c.open, band)
            }
            if track.kind == .line && st.side == .inside { st.side = .unknown }
        }
        switch track.kind {
        case .line:
            let p = band.lo
            let reached = reaches(p, c, prevClose)
            if reached && !st.touching { emit(k, c, i, .touch, p) }
            st.touching = reached
            let to = judged(c, from: st.side, band)
            if st.side == .below && to == .above {
                emit(k, c, i, .crossUp, p)
            } else if st.side == .above && to == .below {
                emit(k, c, i, .crossDown, p)
            }
            let now = Self.classify(c.close, band)
            if now != .inside { st.side = now }
        case .rectangle, .channel:
            if track.kind == .channel {
                let lower = reaches(band.lo, c, prevClose), upper = reaches(band.hi, c, prevClose)
                if lower && !st.touching { emit(k, c, i, .touchLower, band.lo) }
                if upper && !st.touchingUpper { emit(k, c, i, .touchUpper, band.hi) }
                st.touching = lower
                st.touchingUpper = upper
            }
            let up: EvaluationEventKind = track.kind == .channel ? .breakUp : .exitUp
            let down: EvaluationEventKind = track.kind == .channel ? .breakDown : .exitDown
            let to = judged(c, from: st.side, band)
            switch (st.side, to) {
            case (.below, .inside): emit(k, c, i, .enter, band.lo)
            case (.above, .inside): emit(k, c, i, .enter, band.hi)
            case (.below, .above):
                emit(k, c, i, .enter, band.lo)
                emit(k, c, i, up, band.hi)
            case (.above, .below):
                emit(k, c, i, .enter, band.hi)
                emit(k, c, i, down, band.lo)
            case (.inside, .above): emit(k, c, i, up, band.hi)
            case (.inside, .below): emit(k, c, i, down, band.lo)
            default: break
            }
            st.side = Self.classify(c.close, band)
        case .fibonacci:
            // A gap over a level counts: the range from the previous close is included.
            let lo: Double, hi: Double
            switch options.touchTrigger {
            case .wick: (lo, hi) = (Swift.min(c.low, prevClose), Swift.max(c.high, prevClose))
            case .close: (lo, hi) = (Swift.min(c.close, prevClose), Swift.max(c.close, prevClose))
            }
            let prices = tracks[i].ratioPrices
            for r in prices.indices where !reached[i][r] {
                let p = prices[r]
                if lo <= p && p <= hi {
                    reached[i][r] = true
                    emit(k, c, i, .levelReached, p, ratio: tracks[i].ratios[r])
                }
            }
        }
        states[i] = st
    }
}
