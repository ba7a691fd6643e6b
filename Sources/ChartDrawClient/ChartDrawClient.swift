public import AsyncHTTPClient
public import ChartDrawCore
public import ChartDrawWire
import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A client for the six Chart Analysis endpoints.
///
/// Bodies are validated with ChartDraw's rules before sending (``ClientConfiguration``
/// `validateBeforeSending`) and sent as canonical bytes. Failed attempts are retried as
/// ``RetryPolicy`` says; every attempt of one call sends the same bytes, so a create carries
/// the same `idempotencyKey` on every retry. Calls throw ``ChartDrawClientError`` or, when the
/// task is cancelled, `CancellationError`.
public struct ChartDrawClient: Sendable {
    /// The configuration.
    public let configuration: ClientConfiguration
    private let http: HTTPClient

    /// A client on `HTTPClient.shared` (nothing to shut down) or on a client of the caller's.
    public init(configuration: ClientConfiguration, httpClient: HTTPClient = .shared) {
        self.configuration = configuration
        self.http = httpClient
    }

    // MARK: - The six operations

    /// Creates an analysis from a create body given as JSON bytes.
    ///
    /// The idempotency key is `idempotencyKey` when given, else the body's own, else derived
    /// (``IdempotencyKey/derive(_:communityId:channelId:)``).
    public func create(_ body: [UInt8], communityId: String, channelId: String, idempotencyKey: String? = nil)
        async throws -> APIResponse
    {
        try await send(
            prepareCreate(body, communityId: communityId, channelId: channelId, idempotencyKey: idempotencyKey))
    }

    /// Creates an analysis built in Swift.
    public func create(_ analysis: Analysis, communityId: String, channelId: String, idempotencyKey: String? = nil)
        async throws -> APIResponse
    {
        try await create(
            CanonicalEncoder.encode(analysis, endpoint: .create), communityId: communityId, channelId: channelId,
            idempotencyKey: idempotencyKey)
    }

    /// Updates an analysis (partial: the drawings given replace all of its drawings).
    public func update(analysisId: String, _ body: [UInt8]) async throws -> APIResponse {
        try await send(prepareUpdate(analysisId: analysisId, body))
    }

    /// Appends drawings to an analysis.
    public func append(analysisId: String, _ body: [UInt8]) async throws -> APIResponse {
        try await send(prepareAppend(analysisId: analysisId, body))
    }

    /// Reads one analysis.
    public func get(analysisId: String) async throws -> APIResponse {
        try await send(prepareGet(analysisId: analysisId))
    }

    /// Lists analyses, one page (pages count from 1).
    public func list(page: Int? = nil, limit: Int? = nil) async throws -> APIResponse {
        try await send(prepareList(page: page, limit: limit))
    }

    /// Deletes an analysis.
    public func delete(analysisId: String) async throws -> APIResponse {
        try await send(prepareDelete(analysisId: analysisId))
    }

    // MARK: - Preparing requests (what --dry-run prints)

    /// The create request, validated and canonical, with its idempotency key.
    public func prepareCreate(_ body: [UInt8], communityId: String, channelId: String, idempotencyKey: String? = nil)
        throws -> PreparedRequest
    {
        try checkIds(["communityId": communityId, "channelId": channelId])
        var analysis = try decodeValidated(body, .create)
        let key =
            idempotencyKey ?? analysis.idempotencyKey
            ?? IdempotencyKey.derive(analysis, communityId: communityId, channelId: channelId)
        if configuration.validateBeforeSending, key.isEmpty || key.utf8.count > WireLimits.maxIdempotencyKey {
            throw ChartDrawClientError.invalidArgument(
                "the idempotency key must have 1 to \(WireLimits.maxIdempotencyKey) bytes; it has \(key.utf8.count)")
        }
        analysis.idempotencyKey = key
        var r = prepare(
            .create, APIEndpoints.create(communityId: communityId, channelId: channelId),
            body: CanonicalEncoder.encode(analysis, endpoint: .create))
        r.idempotencyKey = key
        return r
    }

    /// The update request.
    public func prepareUpdate(analysisId: String, _ body: [UInt8]) throws -> PreparedRequest {
        try checkIds(["analysisId": analysisId])
        let a = try decodeValidated(body, .update)
        return prepare(
            .update, APIEndpoints.update(analysisId: analysisId), body: CanonicalEncoder.encode(a, endpoint: .update))
    }

    /// The append request.
    public func prepareAppend(analysisId: String, _ body: [UInt8]) throws -> PreparedRequest {
        try checkIds(["analysisId": analysisId])
        let a = try decodeValidated(body, .append)
        return prepare(
            .append, APIEndpoints.append(analysisId: analysisId), body: CanonicalEncoder.encode(a, endpoint: .append))
    }

    /// The get request.
    public func prepareGet(analysisId: String) throws -> PreparedRequest {
        try checkIds(["analysisId": analysisId])
        return prepare(.get, APIEndpoints.get(analysisId: analysisId), body: nil)
    }

    /// The list request.
    public func prepareList(page: Int? = nil, limit: Int? = nil) throws -> PreparedRequest {
        if configuration.validateBeforeSending {
            if let page, !APIEndpoints.pageRange.contains(page) {
                throw ChartDrawClientError.invalidArgument(
                    "page must be \(APIEndpoints.pageRange.lowerBound) or more; it is \(page)")
            }
            if let limit, !APIEndpoints.limitRange.contains(limit) {
                throw ChartDrawClientError.invalidArgument(
                    "limit must be from \(APIEndpoints.limitRange.lowerBound) to \(APIEndpoints.limitRange.upperBound); it is \(limit)"
                )
            }
        }
        return prepare(.list, APIEndpoints.list(page: page, limit: limit), body: nil)
    }

    /// The delete request.
    public func prepareDelete(analysisId: String) throws -> PreparedRequest {
        try checkIds(["analysisId": analysisId])
        return prepare(.delete, APIEndpoints.delete(analysisId: analysisId), body: nil)
    }

    private func prepare(_ op: APIOperation, _ route: APIRoute, body: [UInt8]?) -> PreparedRequest {
        var headers: [PreparedRequest.Header] = []
        if let key = configuration.apiKey { headers.append(.init("Authorization", "Bearer \(key.value)")) }
        headers.append(.init("Accept", "application/json"))
        if body != nil { headers.append(.init("Content-Type", "application/json")) }
        headers.append(.init("User-Agent", configuration.userAgent))
        return PreparedRequest(
            operation: op, method: route.method,
            url: route.url(baseURL: configuration.baseURL, pathPrefix: configuration.pathPrefix),
            headers: headers, body: body)
    }

    private func checkIds(_ ids: KeyValuePairs<String, String>) throws {
        guard configuration.validateBeforeSending else { return }
        for (name, value) in ids where !APIEndpoints.isObjectId(value) {
            throw ChartDrawClientError.invalidArgument(
                "\(name) '\(value)' is not an ObjectId: the API takes 24 hexadecimal digits, e.g. 507f1f77bcf86cd799439011"
            )
        }
    }

    private func decodeValidated(_ body: [UInt8], _ endpoint: Endpoint) throws -> Analysis {
        if configuration.validateBeforeSending {
            let report = ChartAnalysisValidator.validate(
                body, endpoint: endpoint, policy: configuration.validationPolicy)
            if !report.isValid { throw ChartDrawClientError.invalidBody(report.issues) }
        }
        do {
            return try AnalysisDecoder.decode(body)
        } catch {
            throw ChartDrawClientError.invalidBody([
                ValidationIssue(
                    path: error.pointer, code: IssueCode(rawValue: error.code), severity: .error, message: error.message
                )
            ])
        }
    }

    // MARK: - Sending with retries

    /// Sends a prepared request, retrying as the configuration says.
    public func send(_ request: PreparedRequest) async throws -> APIResponse {
        guard request.url.hasPrefix("http://") || request.url.hasPrefix("https://") else {
            throw ChartDrawClientError.invalidArgument(
                "the base URL must start with http:// or https://: \(request.url)")
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.overallTimeout)
        let policy = configuration.retry
        var attempt = 0
        var lastError: APIError?
        var lastReason = ""
        while true {
            attempt += 1
            try Task.checkCancellation()
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero {
                throw ChartDrawClientError.unavailable(
                    reason: "the overall timeout (\(configuration.overallTimeout)) ran out; \(lastReason)",
                    attempts: attempt - 1, last: lastError)
            }
            var wait: Duration? = nil
            let attemptTimeout = min(configuration.requestTimeout, remaining)
            do {
                let (status, headers, body) = try await execute(request, timeout: attemptTimeout)
                if (200..<300).contains(status) {
                    guard let env = APIEnvelope.decode(body) else {
                        throw ChartDrawClientError.unexpectedResponse(
                            statusCode: status, body: String(decoding: body.prefix(200), as: UTF8.self))
                    }
                    return APIResponse(statusCode: status, envelope: env, body: body, attempts: attempt)
                }
                let e = APIError(statusCode: status, body: body)
                guard RetryPolicy.isRetryable(status: status) else { throw ChartDrawClientError.api(e) }
                lastError = e
                lastReason = "HTTP \(status)"
                if let ra = headers.first(name: "Retry-After"), let d = Self.retryAfter(ra, now: Date()) {
                    wait = min(d, policy.maxDelay)
                }
            } catch let e as ChartDrawClientError {
                throw e
            } catch is CancellationError {
                throw CancellationError()
            } catch let e as HTTPClientError where e == .cancelled {
                throw CancellationError()
            } catch let e as NIOTooManyBytesError {
                _ = e
                throw ChartDrawClientError.unexpectedResponse(
                    statusCode: 0, body: "the response is larger than \(configuration.maxResponseBytes) bytes")
            } catch {
                if Task.isCancelled { throw CancellationError() }
                if let e = error as? HTTPClientError, e == .deadlineExceeded {
                    lastReason = "no answer within the request timeout (\(attemptTimeout))"
                } else {
                    lastReason = "connection failure: \(error)"
                }
            }
            if attempt >= policy.maxAttempts {
                throw ChartDrawClientError.unavailable(reason: lastReason, attempts: attempt, last: lastError)
            }
            let delay = wait ?? policy.backoff(retry: attempt, unit: Double.random(in: 0..<1))
            if clock.now.advanced(by: delay) >= deadline {
                throw ChartDrawClientError.unavailable(
                    reason:
                        "\(lastReason); the next attempt would pass the overall timeout (\(configuration.overallTimeout))",
                    attempts: attempt, last: lastError)
            }
            try await Task.sleep(for: delay)
        }
    }

    private func execute(_ request: PreparedRequest, timeout: Duration) async throws -> (Int, HTTPHeaders, [UInt8]) {
        var r = HTTPClientRequest(url: request.url)
        r.method = HTTPMethod(rawValue: request.method)
        for h in request.headers { r.headers.add(name: h.name, value: h.value) }
        if let body = request.body { r.body = .bytes(ByteBuffer(bytes: body)) }
        let c = timeout.components
        let nanos = c.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let amount: TimeAmount =
            nanos.overflow ? .hours(24) : .nanoseconds(nanos.partialValue + c.attoseconds / 1_000_000_000)
        let response = try await http.execute(r, timeout: amount)
        let buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
        return (Int(response.status.code), response.headers, Array(buffer.readableBytesView))
    }

    /// The wait a `Retry-After` value asks for: delta-seconds, or an IMF-fixdate
    /// (`Wed, 21 Oct 2015 07:28:00 GMT`) relative to `now`; nil when unreadable.
    public static func retryAfter(_ value: String, now: Date) -> Duration? {
        let v = String(
            value.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" })
                .reversed())
        if let s = Int(v), s >= 0 { return .seconds(s) }
        // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
        let parts = v.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]) else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let mi = months.firstIndex(of: String(parts[2])) else { return nil }
        let hms = parts[4].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3 else { return nil }
        guard let t = Timestamp(year: year, month: mi + 1, day: day, hour: hms[0], minute: hms[1], second: hms[2])
        else { return nil }
        let delta = t.secondsSinceEpoch - now.timeIntervalSince1970
        return .milliseconds(Int64(max(0, delta) * 1000))
    }
}

/// A success answer: the status, the envelope decoded loosely, the raw body, and how many
/// attempts it took.
public struct APIResponse: Sendable, Hashable {
    public var statusCode: Int
    public var envelope: APIEnvelope
    public var body: [UInt8]
    public var attempts: Int

    public init(statusCode: Int, envelope: APIEnvelope, body: [UInt8], attempts: Int) {
        self.statusCode = statusCode
        self.envelope = envelope
        self.body = body
        self.attempts = attempts
    }

    /// The payload, `null` when absent.
    public var data: JSONValue { envelope.data ?? .null }

    /// `data.analysisId` when it is a string.
    public var analysisId: String? {
        if case .string(let s)? = envelope.data?["analysisId"] { return s }
        return nil
    }

    /// [doc] `data.updatedFields` of an update answer.
    public var updatedFields: [String]? {
        guard case .array(let a)? = envelope.data?["updatedFields"] else { return nil }
        return a.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
}
