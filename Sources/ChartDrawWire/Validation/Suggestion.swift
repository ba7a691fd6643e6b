/// "Did you mean": the known name nearest to a mistaken one, for messages.
///
/// Two names match when they are equal after folding (letter case, `_`, `-` and spaces
/// ignored: `client_object_id`, `ClientObjectID` and `clientObjectId` are one name;
/// `horizontal_line` is `HORIZONTAL_LINE`). Otherwise the nearest by edit distance on the
/// folded forms wins when it is close (1 edit for names of up to 4 characters, 2 beyond) and
/// no other candidate is as close.
enum Suggestion {
    /// The folded form: lower-case ASCII letters and digits, other separators dropped.
    static func fold(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for c in s.utf8 where c != 95 && c != 45 && c != 32 {
            out.append(c >= 65 && c <= 90 ? c + 32 : c)
        }
        return out
    }

    /// The candidate `word` most likely means, or nil.
    static func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
        let w = fold(word)
        guard !w.isEmpty, w.count <= 128 else { return nil }
        let limit = w.count <= 4 ? 1 : 2
        var best: String?
        var bestDistance = Int.max
        var tie = false
        for c in candidates where c != word {
            // Folding never lengthens a name: one too short to come within `limit` is skipped
            // unfolded (a long unknown key then costs one fold, not one per candidate).
            guard c.utf8.count + limit >= w.count else { continue }
            let f = fold(c)
            if f == w { return c }
            guard abs(f.count - w.count) <= limit, f.count <= 128 else { continue }
            let d = distance(w, f, limit: limit)
            if d < bestDistance {
                best = c
                bestDistance = d
                tie = false
            } else if d == bestDistance && c != best {
                tie = true
            }
        }
        guard bestDistance <= limit, !tie else { return nil }
        return best
    }

    /// Levenshtein distance (with adjacent transpositions), or `limit + 1` once it exceeds
    /// `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        var prev2 = [Int](repeating: 0, count: m + 1)
        var prev = Array(0...m)
        var cur = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[m]
    }

    /// ` Did you mean "x"?` or nothing.
    static func phrase(_ s: String?) -> String {
        guard let s else { return "" }
        return " Did you mean \(quoted(s))?"
    }
}
