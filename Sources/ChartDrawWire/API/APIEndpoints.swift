/// The six Chart Analysis operations.
public enum APIOperation: String, Hashable, Sendable, CaseIterable {
    case create, get, list, update, append, delete
}

/// One request line: method, path below the configured prefix, and query items.
public struct APIRoute: Hashable, Sendable {
    /// The HTTP method (`POST`, `GET`, `PATCH`, `DELETE`).
    public var method: String
    /// The path below the prefix, starting with `/`, every id percent-encoded.
    public var path: String
    /// Query items in order, unencoded.
    public var query: [APIQueryItem]

    /// Creates a route.
    public init(method: String, path: String, query: [APIQueryItem] = []) {
        self.method = method
        self.path = path
        self.query = query
    }

    /// The full URL: base URL + prefix + path + query, without doubled or missing slashes.
    public func url(baseURL: String, pathPrefix: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        var prefix = pathPrefix.trimmingSlashes
        if !prefix.isEmpty { prefix = "/" + prefix }
        var s = base + prefix + path
        if !query.isEmpty {
            s +=
                "?"
                + query.map { APIEndpoints.percentEncode($0.name) + "=" + APIEndpoints.percentEncode($0.value) }.joined(
                    separator: "&")
        }
        return s
    }
}

/// One query item.
public struct APIQueryItem: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Every endpoint of the Chart Analysis API, in one place.
///
/// [doc] marks what the API documentation states; [engine] marks this project's guess where the
/// documentation is silent (docs/wire-format.md, "HTTP endpoints", lists the same). A server
/// that disagrees needs a change here only: the client and the sandbox both route through it.
public enum APIEndpoints {
    /// [doc] The current host of the API.
    public static let defaultBaseURL = "https://api.returning.ai"
    /// [doc] The path prefix on ``defaultBaseURL``.
    public static let defaultPathPrefix = "/v1"
    /// [doc] The host of the older integration documentation.
    public static let integrationBaseURL = "https://integration.returning.ai"
    /// [doc] The path prefix on ``integrationBaseURL``.
    public static let integrationPathPrefix = "/apis/v1"

    /// Whether the documentation shows the operation's method and path ([doc]) or not ([engine]).
    public static func isDocumented(_ op: APIOperation) -> Bool {
        op == .create || op == .update
    }

    /// Each operation's method and path template below the prefix; `{name}` is a path parameter.
    public static func template(_ op: APIOperation) -> (method: String, path: String) {
        switch op {
        case .create: ("POST", "/analysis/{communityId}/channels/{channelId}")  // [doc]
        case .update: ("PATCH", "/analysis/{analysisId}")  // [doc]
        case .append: ("POST", "/analysis/{analysisId}/drawings")  // [engine]
        case .get: ("GET", "/analysis/{analysisId}")  // [engine]
        case .list: ("GET", "/analysis")  // [engine] with ?page=&limit=
        case .delete: ("DELETE", "/analysis/{analysisId}")  // [engine]
        }
    }

    /// [doc] Create analysis.
    public static func create(communityId: String, channelId: String) -> APIRoute {
        route(.create, ["communityId": communityId, "channelId": channelId])
    }

    /// [doc] Update analysis (partial; drawings given replace all drawings).
    public static func update(analysisId: String) -> APIRoute { route(.update, ["analysisId": analysisId]) }

    /// [engine] Append drawings.
    public static func append(analysisId: String) -> APIRoute { route(.append, ["analysisId": analysisId]) }

    /// [engine] Get one analysis.
    public static func get(analysisId: String) -> APIRoute { route(.get, ["analysisId": analysisId]) }

    /// [engine] Delete one analysis.
    public static func delete(analysisId: String) -> APIRoute { route(.delete, ["analysisId": analysisId]) }

    /// [engine] List analyses, one page; pages count from 1.
    public static func list(page: Int? = nil, limit: Int? = nil) -> APIRoute {
        var r = route(.list, [:])
        if let page { r.query.append(APIQueryItem("page", String(page))) }
        if let limit { r.query.append(APIQueryItem("limit", String(limit))) }
        return r
    }

    /// [engine] Pagination bounds: `page` from 1, `limit` from 1 to 100, 20 when absent.
    public static let pageRange = 1...1_000_000
    /// [engine] See ``pageRange``.
    public static let limitRange = 1...100
    /// [engine] See ``pageRange``.
    public static let defaultLimit = 20

    /// [doc] Ids are 24-hex MongoDB ObjectIds in every example; the API answers 400 to others.
    public static func isObjectId(_ s: String) -> Bool {
        s.utf8.count == 24
            && s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
    }

    private static func route(_ op: APIOperation, _ params: [String: String]) -> APIRoute {
        let t = template(op)
        var path = t.path
        for (k, v) in params { path = path.replacingAll("{\(k)}", with: percentEncode(v)) }
        return APIRoute(method: t.method, path: path)
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    public static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}

extension String {
    fileprivate var trimmingSlashes: String {
        var s = Substring(self)
        while s.hasPrefix("/") { s.removeFirst() }
        while s.hasSuffix("/") { s.removeLast() }
        return String(s)
    }

    /// Replaces every occurrence of `target` (no Foundation in this module).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
