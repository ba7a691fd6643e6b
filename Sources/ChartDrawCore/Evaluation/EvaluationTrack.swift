// One level or drawing as the evaluation sees it: a price band per bar position, in bar space.

/// The shape of an evaluated object in bar space (candle i at position i).
struct EvaluationTrack {
    /// How the object reports events.
    enum Kind {
        /// A level, horizontal line or line: touch, cross_up, cross_down.
        case line
        /// A rectangle: enter, exit_up, exit_down, exit_time.
        case rectangle
        /// A channel: enter, break_up, break_down, touch_upper, touch_lower.
        case channel
        /// A Fibonacci retracement: level_reached per ratio.
        case fibonacci
    }

    /// The object's id.
    let id: String?
    /// How it reports events.
    let kind: Kind
    /// First and last bar position where it is defined (`last` may be infinite).
    let first: Double, last: Double
    /// A line through (xa, pa) and (xb, pb) in bar space (`xa != xb`), or a constant band
    /// `pa...pb` when `flat`.
    let xa: Double, pa: Double, xb: Double, pb: Double
    /// Whether the band is constant (`pa...pb`).
    let flat: Bool
    /// For a channel: the parallel line's price offset from the base line.
    let offset: Double
    /// For a Fibonacci retracement: its ratios and their prices (kept out of the per-bar
    /// state by the walk, which copies them once).
    let ratios: [Double], ratioPrices: [Double]

    private init(
        id: String?, kind: Kind, first: Double, last: Double, xa: Double = 0, pa: Double, xb: Double = 1,
        pb: Double, flat: Bool, offset: Double = 0, ratios: [Double] = [], ratioPrices: [Double] = []
    ) {
        self.id = id
        self.kind = kind
        self.first = first
        self.last = last
        self.xa = xa
        self.pa = pa
        self.xb = xb
        self.pb = pb
        self.flat = flat
        self.offset = offset
        self.ratios = ratios
        self.ratioPrices = ratioPrices
    }

    /// A level or horizontal line: defined at every bar.
    static func level(id: String?, price: Double) -> EvaluationTrack {
        EvaluationTrack(id: id, kind: .line, first: -.infinity, last: .infinity, pa: price, pb: price, flat: true)
    }

    /// The track of a drawing; `nil` for a type the engine does not know or a degenerate
    /// shape (a line or channel whose two points share a bar position).
    static func drawing(_ d: Drawing, scale: BarTimeScale, extendRight: Bool) -> EvaluationTrack? {
        func x(_ p: ChartPoint) -> Double { scale.position(p.t) }
        switch d {
        case .horizontalLine(let h):
            return level(id: h.clientObjectId, price: h.point.price)
        case .line(let l):
            let xa = x(l.start), xb = x(l.end)
            guard xa != xb, xa.isFinite, xb.isFinite else { return nil }
            return EvaluationTrack(
                id: l.clientObjectId, kind: .line, first: Swift.min(xa, xb),
                last: extendRight ? .infinity : Swift.max(xa, xb), xa: xa, pa: l.start.price, xb: xb,
                pb: l.end.price, flat: false)
        case .rectangle(let r):
            let x1 = x(r.corner1), x2 = x(r.corner2)
            return EvaluationTrack(
                id: r.clientObjectId, kind: .rectangle, first: Swift.min(x1, x2), last: Swift.max(x1, x2),
                pa: Swift.min(r.corner1.price, r.corner2.price), pb: Swift.max(r.corner1.price, r.corner2.price),
                flat: true)
        case .parallel(let p):
            let xa = x(p.p1), xb = x(p.p2), x3 = x(p.p3)
            guard xa != xb, xa.isFinite, xb.isFinite, x3.isFinite else { return nil }
            let base3 = p.p1.price + (p.p2.price - p.p1.price) * (x3 - xa) / (xb - xa)
            return EvaluationTrack(
                id: p.clientObjectId, kind: .channel, first: Swift.min(xa, xb),
                last: extendRight ? .infinity : Swift.max(xa, xb), xa: xa, pa: p.p1.price, xb: xb, pb: p.p2.price,
                flat: false, offset: p.p3.price - base3)
        case .fibonacciRetracement(let f):
            let levels = f.levelPrices
            let prices = levels.map(\.price)
            guard let lo = prices.min(), let hi = prices.max() else { return nil }
            return EvaluationTrack(
                id: f.clientObjectId, kind: .fibonacci, first: Swift.max(x(f.start), x(f.end)), last: .infinity,
                pa: lo, pb: hi, flat: true, ratios: levels.map(\.ratio), ratioPrices: prices)
        case .other:
            return nil
        }
    }

    /// The band `lo...hi` at bar position `k`; `nil` where the object is not defined. A line's
    /// band is one price.
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
