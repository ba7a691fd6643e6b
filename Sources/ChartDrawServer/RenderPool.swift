import Foundation
import Prometheus

/// Renders on a fixed set of threads (one per core by default) fed by a bounded queue.
///
/// CPU-bound work never runs on the event loops, so health checks and validation stay fast
/// while renders are busy. A full queue refuses at once (the caller answers 503 with
/// Retry-After) instead of growing latency and memory without bound; a job whose deadline
/// passed while it waited is dropped unrun.
final class RenderPool: @unchecked Sendable {
    /// Why a job did not run.
    enum Refusal: Error, Sendable {
        /// Every worker is busy and the queue is full.
        case queueFull
        /// The job waited past its deadline.
        case deadlineExceeded
    }

    private struct Job {
        var deadline: ContinuousClock.Instant
        var enqueued: ContinuousClock.Instant
        var run: (Duration) -> Void
        var refuse: (Refusal) -> Void
    }

    let workers: Int
    let capacity: Int
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var head = 0
    private var running = 0
    private let metrics: ServerMetrics

    init(workers: Int, capacity: Int, metrics: ServerMetrics) {
        self.workers = max(1, workers)
        self.capacity = max(0, capacity)
        self.metrics = metrics
        for i in 0..<self.workers {
            let t = Thread { [unowned self] in self.work() }
            t.name = "render-\(i)"
            t.stackSize = 4 << 20
            t.start()
        }
    }

    /// Jobs waiting (not yet running).
    var depth: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count - head
    }

    /// Whether a new job would be accepted now.
    var hasRoom: Bool {
        condition.lock()
        defer { condition.unlock() }
        return queue.count - head < capacity || running < workers
    }

    /// Runs `body` on a worker; returns its result and how long it waited in the queue.
    func run<T: Sendable>(deadline: ContinuousClock.Instant, _ body: @escaping @Sendable () -> T) async throws(Refusal)
        -> (
            T, Duration
        )
    {
        let result: Result<(T, Duration), Refusal> = await withCheckedContinuation { cont in
            let job = Job(
                deadline: deadline, enqueued: .now,
                run: { wait in cont.resume(returning: .success((body(), wait))) },
                refuse: { cont.resume(returning: .failure($0)) })
            condition.lock()
            let waiting = queue.count - head
            // A job may wait only when every worker is taken; room for `capacity` waiting jobs.
            guard waiting < capacity || running + waiting < workers else {
                condition.unlock()
                cont.resume(returning: .failure(.queueFull))
                return
            }
            queue.append(job)
            metrics.queueDepth.set(Double(queue.count - head))
            condition.signal()
            condition.unlock()
        }
        return try result.get()
    }

    private func work() {
        while true {
            condition.lock()
            while head == queue.count { condition.wait() }
            let job = queue[head]
            head += 1
            if head > 256, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            running += 1
            metrics.queueDepth.set(Double(queue.count - head))
            condition.unlock()
            let now = ContinuousClock.now
            if now > job.deadline {
                job.refuse(.deadlineExceeded)
            } else {
                metrics.inFlightRenders.increment()
                job.run(now - job.enqueued)
                metrics.inFlightRenders.decrement()
            }
            condition.lock()
            running -= 1
            condition.unlock()
        }
    }
}
