public import ChartDrawCore
public import ChartDrawWire
import Crypto

/// Idempotency keys for create requests.
///
/// When neither the caller nor the body gives one, the key is derived from what is posted:
/// `cd-sha256-` followed by the lower-case hex SHA-256 of the UTF-8 bytes
/// `communityId + "/" + channelId + "\n" + body`, where body is the canonical create body
/// (`CanonicalEncoder`, compact) of the analysis without its `idempotencyKey`. The same
/// analysis posted to the same channel gets the same key on every retry and every run, so the
/// server can answer a replay with the first result; a bot that means to post the same
/// analysis twice gives its own key per post.
public enum IdempotencyKey {
    /// The prefix of derived keys.
    public static let derivedPrefix = "cd-sha256-"

    /// The derived key of `analysis` (its own `idempotencyKey` ignored) for one channel.
    public static func derive(_ analysis: Analysis, communityId: String, channelId: String) -> String {
        var a = analysis
        a.idempotencyKey = nil
        var bytes = Array((communityId + "/" + channelId + "\n").utf8)
        bytes += CanonicalEncoder.encode(a, endpoint: .create)
        return derivedPrefix + sha256Hex(bytes)
    }

    /// The lower-case hexadecimal SHA-256 (swift-crypto) of some bytes.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in SHA256.hash(data: bytes) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
