/// The ids seen so far: a short list searched linearly by a 64-bit hash of the bytes (a body
/// has a dozen ids), with a dictionary beside it once it grows.
struct IdTable {
    /// One id: its hash, the id and where it was first seen.
    private struct Entry {
        var hash: UInt64
        var id: String
        var place: IdPlace
    }

    private var entries: [Entry] = []
    private var index: [String: Int]? = nil

    /// FNV-1a offset basis.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step.
    @inline(__always)
    static func mix(_ h: UInt64, _ c: UInt8) -> UInt64 { (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }

    /// The hash of an id's UTF-8 bytes.
    static func hash(_ id: String) -> UInt64 {
        var t = id
        return t.withUTF8 { u in
            var h = seed
            for c in u { h = mix(h, c) }
            return h
        }
    }

    /// Where `id` (whose hash is `hash`) is, if seen.
    @inline(__always)
    private func find(_ id: String, _ hash: UInt64) -> Int? {
        if let index { return index[id] }
        return entries.withUnsafeBufferPointer { es in
            for k in es.indices where es[k].hash == hash && es[k].id == id { return k }
            return nil
        }
    }

    /// Adds `id` at `place` unless it is there; returns where it was first seen, if it was.
    mutating func insert(_ id: String, hash: UInt64, _ place: IdPlace) -> IdPlace? {
        if let k = find(id, hash) { return entries[k].place }
        if entries.isEmpty { entries.reserveCapacity(16) }
        entries.append(Entry(hash: hash, id: id, place: place))
        if index != nil {
            index?[id] = entries.count - 1
        } else if entries.count > 24 {
            var d = [String: Int](minimumCapacity: 64)
            for (k, e) in entries.enumerated() where d[e.id] == nil { d[e.id] = k }
            index = d
        }
        return nil
    }

    /// Where `id` was first seen; setting adds it when absent (setting nil does nothing).
    /// Every id, in the order first seen.
    var all: [String] { entries.map(\.id) }

    subscript(id: String) -> IdPlace? {
        get { find(id, IdTable.hash(id)).map { entries[$0].place } }
        set {
            guard let newValue else { return }
            _ = insert(id, hash: IdTable.hash(id), newValue)
        }
    }
}
