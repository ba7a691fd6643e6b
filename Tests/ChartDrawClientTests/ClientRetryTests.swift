import ChartDrawClient
import ChartDrawCore
import ChartDrawSandbox
import ChartDrawWire
import Foundation
import Testing

/// Retries, timeouts and cancellation against injected faults.
@Suite struct ClientRetryTests {
    @Test func injected503sAreRetriedAndPostOnce() async throws {
        let h = try await Harness(faults: SandboxFaults(failRate: 0.6, status: 503, seed: 11))
        let c = h.client(
            retry: RetryPolicy(maxAttempts: 12, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50)))
        var attempts = 0
        for _ in 0..<5 {
            let r = try await c.create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
            attempts += r.attempts
        }
        #expect(attempts > 5, "the fault sequence failed no request")
        #expect(await h.sandbox.analysisCount == 1)
        await h.stop()
    }

    @Test func droppedResponsesKeepOneAnalysis() async throws {
        // Every other response is lost after the sandbox acted: a retry must not post twice.
        let h = try await Harness(faults: SandboxFaults(dropRate: 0.5, seed: 3))
        let c = h.client(
            retry: RetryPolicy(maxAttempts: 12, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50)))
        var ids = Set<String>()
        var attempts = 0
        for _ in 0..<4 {
            let r = try await c.create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
            attempts += r.attempts
            ids.insert(try #require(r.analysisId))
        }
        #expect(attempts > 4, "no response was dropped")
        #expect(ids.count == 1)
        #expect(await h.sandbox.analysisCount == 1)
        await h.stop()
    }

    @Test func withoutAnIdempotencyKeyDropsWouldDuplicate() async throws {
        // The same faults with the key stripped from the sent bytes: the sandbox cannot tell a
        // retry from a new post, which is what the derived key prevents.
        let h = try await Harness(faults: SandboxFaults(dropRate: 0.5, seed: 3))
        let c = h.client(
            retry: RetryPolicy(maxAttempts: 12, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50)))
        var p = try c.prepareCreate(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        var a = try AnalysisDecoder.decode(p.body ?? [])
        a.idempotencyKey = nil
        p.body = CanonicalEncoder.encode(a, endpoint: .create)
        var attempts = 0
        for _ in 0..<4 { attempts += try await c.send(p).attempts }
        #expect(attempts > 4, "no response was dropped")
        #expect(await h.sandbox.analysisCount == attempts)
        await h.stop()
    }

    @Test func serverThatStaysUnavailable() async throws {
        let h = try await Harness(faults: SandboxFaults(failRate: 1, status: 503))
        let c = h.client(
            retry: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(10), maxDelay: .milliseconds(40)))
        let e = await clientError {
            try await c.create(Fixture.create, communityId: Harness.community, channelId: Harness.channel)
        }
        guard case .unavailable(_, let attempts, let last)? = e else {
            Issue.record("expected unavailable, got \(String(describing: e))")
            return
        }
        #expect(attempts == 4)
        #expect(last?.statusCode == 503)
        #expect(h.requests.count == 4)
        // every attempt carried the same bytes, hence the same idempotencyKey
        #expect(Set(h.requests.map(\.body)).count == 1)
        #expect(await h.sandbox.analysisCount == 0)
        await h.stop()
    }

    @Test(arguments: [400, 401, 403, 404, 409, 422, 500])
    func statusesThatAreNeverRetried(status: Int) async throws {
        let h = try await Harness(faults: SandboxFaults(failRate: 1, status: status))
        let e = await clientError { try await h.client().list() }
        #expect(e?.apiStatus == status)
        #expect(h.requests.count == 1)
        await h.stop()
    }

    @Test func retryAfterIsHonoured() async throws {
        let h = try await Harness(faults: SandboxFaults(failRate: 1, status: 429, retryAfter: 1))
        let c = h.client(retry: RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(10), maxDelay: .seconds(5)))
        let start = ContinuousClock.now
        let e = await clientError { try await c.list() }
        let elapsed = ContinuousClock.now - start
        guard case .unavailable(_, 2, let last)? = e else {
            Issue.record("expected unavailable after 2 attempts, got \(String(describing: e))")
            return
        }
        #expect(last?.statusCode == 429)
        #expect(elapsed >= .seconds(1), "waited \(elapsed), Retry-After asked 1 s")
        await h.stop()
    }

    @Test func retryAfterForms() {
        let now = Date(timeIntervalSince1970: 1_445_412_470)  // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(ChartDrawClient.retryAfter("3", now: now) == .seconds(3))
        #expect(ChartDrawClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(10))
        #expect(ChartDrawClient.retryAfter("soon", now: now) == nil)
        #expect(ChartDrawClient.retryAfter("-1", now: now) == nil)
    }

    @Test func backoffGrowsAndIsBounded() {
        let p = RetryPolicy(maxAttempts: 10, initialDelay: .milliseconds(100), maxDelay: .seconds(1), jitter: 0.5)
        #expect(p.backoff(retry: 1, unit: 0) == .milliseconds(100))
        #expect(p.backoff(retry: 2, unit: 0) == .milliseconds(200))
        #expect(p.backoff(retry: 4, unit: 0) == .milliseconds(800))
        #expect(p.backoff(retry: 9, unit: 0) == .seconds(1))
        #expect(p.backoff(retry: 2, unit: 0.999) > .milliseconds(100))
        #expect(p.backoff(retry: 2, unit: 0.5) == .milliseconds(150))
        #expect([429, 502, 503, 504].allSatisfy(RetryPolicy.isRetryable))
        #expect(![400, 401, 403, 404, 409, 422, 500].contains(where: RetryPolicy.isRetryable))
    }

    @Test func connectionRefusedIsRetriedThenUnavailable() async throws {
        let h = try await Harness()
        await h.stop()  // the port is free again: nothing listens
        // async-http-client keeps reconnecting within one attempt until its deadline: 2 s each.
        let c = h.client(
            retry: RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(10), maxDelay: .milliseconds(20)),
            requestTimeout: .seconds(2), overallTimeout: .seconds(60))
        let e = await clientError { try await c.list() }
        guard case .unavailable(let reason, 3, nil)? = e else {
            Issue.record("expected unavailable after 3 attempts, got \(String(describing: e))")
            return
        }
        #expect(reason.contains("connection") || reason.contains("no answer"), "\(reason)")
    }

    @Test func requestTimeoutBoundsEachAttempt() async throws {
        // Answers take 60 s; each attempt gives up after 0.3 s, two attempts in all. The bounds
        // leave room for a loaded machine and stay far below one answer.
        let h = try await Harness(faults: SandboxFaults(latency: .seconds(60)))
        let c = h.client(
            retry: RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(10), maxDelay: .milliseconds(20)),
            requestTimeout: .milliseconds(300), overallTimeout: .seconds(20))
        let start = ContinuousClock.now
        let e = await clientError { try await c.list() }
        let elapsed = ContinuousClock.now - start
        guard case .unavailable(_, 2, _)? = e else {
            Issue.record("expected unavailable after 2 attempts, got \(String(describing: e))")
            return
        }
        #expect(elapsed < .seconds(40), "took \(elapsed)")
        await h.stop()
    }

    @Test func overallTimeoutBoundsTheCall() async throws {
        let h = try await Harness(faults: SandboxFaults(latency: .seconds(60)))
        let c = h.client(
            retry: RetryPolicy(maxAttempts: 10, initialDelay: .milliseconds(10), maxDelay: .milliseconds(20)),
            requestTimeout: .seconds(20), overallTimeout: .milliseconds(1000))
        let start = ContinuousClock.now
        let e = await clientError { try await c.list() }
        let elapsed = ContinuousClock.now - start
        guard case .unavailable(let reason, _, _)? = e else {
            Issue.record("expected unavailable, got \(String(describing: e))")
            return
        }
        #expect(reason.contains("overall timeout"), "\(reason)")
        #expect(elapsed < .seconds(40), "took \(elapsed)")
        await h.stop()
    }

    @Test func cancellationStopsTheCall() async throws {
        let h = try await Harness(faults: SandboxFaults(latency: .seconds(60)))
        let c = h.client()
        let start = ContinuousClock.now
        let task = Task { try await c.list() }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        var cancelled = false
        do {
            _ = try await task.value
        } catch is CancellationError {
            cancelled = true
        } catch {
            Issue.record("expected CancellationError, got \(error)")
        }
        #expect(cancelled)
        #expect(ContinuousClock.now - start < .seconds(40))
        await h.stop()
    }
}
