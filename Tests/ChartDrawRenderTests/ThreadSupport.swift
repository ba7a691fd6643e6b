import Glibc
import Synchronization

/// Runs `body(i)` for `i` in `0..<count` on `count` new POSIX threads at once and waits for all.
func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Job: @unchecked Sendable {
        let index: Int
        let body: @Sendable (Int) -> Void
        init(_ index: Int, _ body: @escaping @Sendable (Int) -> Void) {
            self.index = index
            self.body = body
        }
    }
    var threads: [pthread_t] = []
    for i in 0..<count {
        var thread = pthread_t()
        let job = Unmanaged.passRetained(Job(i, body)).toOpaque()
        let rc = pthread_create(
            &thread, nil,
            { raw in
                let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                job.body(job.index)
                return nil
            }, job)
        precondition(rc == 0, "pthread_create failed")
        threads.append(thread)
    }
    for t in threads { pthread_join(t, nil) }
}

/// A value written from several threads, guarded by a `Synchronization.Mutex`.
final class Locked<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R {
        value.withLock { body(&$0) }
    }
}
