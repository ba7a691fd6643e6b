/// Makes Cairo's SVG output independent of how many surfaces and images the process created
/// before.
enum SVGNormalizer {
    /// Cairo 1.16 names groups `surfaceN` after a process-wide surface counter; renumber them
    /// 1, 2, 3... in order of first appearance so equal lists give equal bytes.
    static func normalizeSurfaceIDs(_ bytes: [UInt8]) -> [UInt8] {
        renumber(bytes, prefix: "surface") { bytes, start, end in
            (start == 0 || !isNameByte(bytes[start - 1])) && (end >= bytes.count || !isNameByte(bytes[end]))
        }
    }

    /// Cairo names embedded images (colour emoji are images) `imageN` after the source surface's
    /// process-wide id; renumber them 1, 2, 3... in order of first appearance too. Only ids and
    /// references are rewritten (`id="imageN"`, `#imageN`), never the base64 data of an image.
    static func normalizeImageIDs(_ bytes: [UInt8]) -> [UInt8] {
        let idPrefix = Array("id=\"".utf8)
        return renumber(bytes, prefix: "image") { bytes, start, end in
            let before =
                (start >= 1 && bytes[start - 1] == UInt8(ascii: "#"))
                || (start >= idPrefix.count && bytes[(start - idPrefix.count)..<start].elementsEqual(idPrefix))
            return before && end < bytes.count && (bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: ")"))
        }
    }

    /// Rewrites every `prefix` followed by digits that `isID(bytes, start, end)` accepts (the
    /// name spans `start..<end`) to `prefix` and its rank among the distinct numbers, in order of
    /// first appearance.
    private static func renumber(
        _ bytes: [UInt8], prefix: String, isID: (_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool
    ) -> [UInt8] {
        let token = Array(prefix.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var mapping: [ArraySlice<UInt8>: Int] = [:]
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == token[0], i + token.count < n, bytes[i..<(i + token.count)].elementsEqual(token) {
                var j = i + token.count
                while j < n, bytes[j] >= 48, bytes[j] <= 57 { j += 1 }
                if j > i + token.count, isID(bytes, i, j) {
                    let digits = bytes[(i + token.count)..<j]
                    let number: Int
                    if let known = mapping[digits] {
                        number = known
                    } else {
                        number = mapping.count + 1
                        mapping[digits] = number
                    }
                    out.append(contentsOf: token)
                    out.append(contentsOf: Array(String(number).utf8))
                    i = j
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 45
    }
}
