/// Placing labels so they do not overlap: price tags stacked along the axis, and boxes inside
/// the plot that try a few positions.
package enum LabelPlacement {
    /// Centres for tags of height `height` wanted at `desired` (any order), moved apart so that
    /// no two overlap, with the least total squared displacement, and kept within `bounds`
    /// (centres between `bounds.lowerBound + height/2` and `bounds.upperBound - height/2`).
    /// Returned in the order of `desired`. When the tags cannot all fit, they share the space
    /// evenly.
    package static func stack(_ desired: [Double], height: Double, within bounds: ClosedRange<Double>) -> [Double] {
        let n = desired.count
        guard n > 0 else { return [] }
        let order = desired.indices.sorted { (desired[$0], $0) < (desired[$1], $1) }
        let available = bounds.upperBound - bounds.lowerBound
        let h = Swift.min(height, available / Double(n))
        let lo = bounds.lowerBound + h / 2
        let hi = bounds.upperBound - h / 2 - Double(n - 1) * h
        // With z_i = y_i - i*h the constraint y_{i+1} - y_i >= h becomes z non-decreasing:
        // pool adjacent violators gives the least-squares fit, then clamp to the bounds.
        var blocks: [(sum: Double, count: Double)] = []
        blocks.reserveCapacity(n)
        for (i, idx) in order.enumerated() {
            blocks.append((desired[idx] - Double(i) * h, 1))
            while blocks.count > 1 {
                let b = blocks[blocks.count - 1], a = blocks[blocks.count - 2]
                guard a.sum / a.count > b.sum / b.count else { break }
                blocks.removeLast(2)
                blocks.append((a.sum + b.sum, a.count + b.count))
            }
        }
        var out = [Double](repeating: 0, count: n)
        var i = 0
        for b in blocks {
            let z = Swift.min(Swift.max(b.sum / b.count, lo), Swift.max(lo, hi))
            for _ in 0..<Int(b.count) {
                out[order[i]] = z + Double(i) * h
                i += 1
            }
        }
        return out
    }

    /// `r` moved (not resized, unless larger) to lie inside `bounds`.
    package static func clamp(_ r: PixelRect, into bounds: PixelRect) -> PixelRect {
        var out = r
        if out.maxX > bounds.maxX { out.x = bounds.maxX - out.width }
        if out.x < bounds.x { out.x = bounds.x }
        if out.maxY > bounds.maxY { out.y = bounds.maxY - out.height }
        if out.y < bounds.y { out.y = bounds.y }
        return out
    }

    /// Whether two rectangles overlap (touching edges do not).
    package static func overlaps(_ a: PixelRect, _ b: PixelRect) -> Bool {
        a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
    }
}

/// Boxes already placed inside a region; new ones take the first candidate position free of them.
struct LabelPlacer {
    /// The region labels stay inside.
    let bounds: PixelRect
    /// The boxes placed so far.
    var occupied: [PixelRect] = []

    init(bounds: PixelRect) { self.bounds = bounds }

    /// Places a box at the first of `candidates` (each clamped into ``bounds``) that overlaps
    /// nothing placed; records and returns it. `nil` when every candidate overlaps a placed
    /// box: a label is left out rather than painted over another.
    mutating func place(_ candidates: [PixelRect]) -> PixelRect? {
        let clamped = candidates.map { LabelPlacement.clamp($0, into: bounds) }
        guard let chosen = clamped.first(where: { c in !occupied.contains { LabelPlacement.overlaps($0, c) } })
        else { return nil }
        occupied.append(chosen)
        return chosen
    }

    /// Places a box that must be shown (it is the only sign of what it labels) at the first
    /// free candidate, or at the first candidate when none is free.
    mutating func placeAlways(_ candidates: [PixelRect]) -> PixelRect {
        if let box = place(candidates) { return box }
        let first = LabelPlacement.clamp(candidates[0], into: bounds)
        occupied.append(first)
        return first
    }
}
