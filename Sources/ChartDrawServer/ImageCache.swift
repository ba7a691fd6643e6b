import Synchronization

/// A rendered image kept for repeats.
struct CachedImage: Sendable {
    var bytes: [UInt8]
    var contentType: String
    var warnings: [String]
    var issues: [ValidationIssueSummary]
}

/// A validation issue as the cache keeps it (Sendable, plain strings).
struct ValidationIssueSummary: Sendable, Hashable {
    var path: String
    var code: String
    var severity: String
    var message: String
}

/// Rendered images by entity tag, least recently used first out, bounded in bytes.
///
/// Equal tags mean equal inputs (a SHA-256 over the normalised request), so a hit is the
/// image the render would make. Capacity 0 turns the cache off.
final class ImageCache: Sendable {
    private struct Entry {
        var key: String
        var value: CachedImage
        var cost: Int
        var prev: Int
        var next: Int
    }

    private struct State {
        var index: [String: Int] = [:]
        var entries: [Entry] = []
        var free: [Int] = []
        var head = -1  // most recent
        var tail = -1  // least recent
        var bytes = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacityBytes: Int) { capacity = max(0, capacityBytes) }

    var isEnabled: Bool { capacity > 0 }

    /// Bytes and entries held.
    var usage: (bytes: Int, entries: Int) { state.withLock { ($0.bytes, $0.index.count) } }

    /// The image for a tag, marked most recently used.
    func get(_ key: String) -> CachedImage? {
        guard capacity > 0 else { return nil }
        return state.withLock { s in
            guard let i = s.index[key] else { return nil }
            Self.unlink(&s, i)
            Self.pushFront(&s, i)
            return s.entries[i].value
        }
    }

    /// Stores an image; evicts the least recently used until it fits. An image larger than
    /// the whole cache is not kept.
    func put(_ key: String, _ value: CachedImage) {
        let cost = value.bytes.count + key.utf8.count + 256
        guard capacity > 0, cost <= capacity else { return }
        state.withLock { s in
            if let i = s.index[key] {
                Self.unlink(&s, i)
                s.bytes -= s.entries[i].cost
                s.index[key] = nil
                s.free.append(i)
            }
            while s.bytes + cost > capacity, s.tail >= 0 {
                let t = s.tail
                Self.unlink(&s, t)
                s.bytes -= s.entries[t].cost
                s.index[s.entries[t].key] = nil
                s.entries[t].value = CachedImage(bytes: [], contentType: "", warnings: [], issues: [])
                s.free.append(t)
            }
            let entry = Entry(key: key, value: value, cost: cost, prev: -1, next: -1)
            let i: Int
            if let f = s.free.popLast() {
                s.entries[f] = entry
                i = f
            } else {
                s.entries.append(entry)
                i = s.entries.count - 1
            }
            s.index[key] = i
            s.bytes += cost
            Self.pushFront(&s, i)
        }
    }

    private static func unlink(_ s: inout State, _ i: Int) {
        let p = s.entries[i].prev
        let n = s.entries[i].next
        if p >= 0 { s.entries[p].next = n } else { s.head = n }
        if n >= 0 { s.entries[n].prev = p } else { s.tail = p }
        s.entries[i].prev = -1
        s.entries[i].next = -1
    }

    private static func pushFront(_ s: inout State, _ i: Int) {
        s.entries[i].prev = -1
        s.entries[i].next = s.head
        if s.head >= 0 { s.entries[s.head].prev = i }
        s.head = i
        if s.tail < 0 { s.tail = i }
    }
}
