import Foundation
import Synchronization
import Testing

/// Runs the built `chartdraw` binary (it sits in the products directory next to the test
/// bundle) and captures its output.
enum CLI {
    /// The products directory: the parent of the `.xctest` bundle (or of the test runner).
    static var productsDirectory: URL {
        for arg in CommandLine.arguments {
            let url = URL(fileURLWithPath: arg)
            if let bundle = url.pathComponents.firstIndex(where: { $0.hasSuffix(".xctest") }) {
                var dir = URL(fileURLWithPath: "/")
                for c in url.pathComponents[1..<bundle] { dir.appendPathComponent(c) }
                return dir
            }
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The path of the `chartdraw` binary.
    static var binary: URL { productsDirectory.appendingPathComponent("chartdraw") }

    /// The official examples (fixtures of the wire tests).
    static func fixture(_ name: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ChartDrawWireTests/Fixtures/\(name)").path
    }

    /// What a run gave.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `chartdraw ARGS`, feeding `stdin`.
    static func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let r = try execute(binary, args, stdin: stdin.map { Data($0.utf8) } ?? Data())
        return Result(
            status: r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
            stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    /// Runs the built product `name` (e.g. `chartdraw-bench`, an example) with `args`.
    static func product(_ name: String, _ args: [String]) throws -> Result {
        let r = try execute(productsDirectory.appendingPathComponent(name), args)
        return Result(
            status: r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
            stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    /// Runs `executable ARGS` with `stdin` as its whole standard input (empty by default) and
    /// returns its status and raw output. The one place the tests start a process: both pipes
    /// are drained at once (standard error on another thread), since a child that fills one
    /// pipe while the other is read would otherwise wait forever.
    static func execute(_ executable: URL, _ args: [String], stdin: Data = Data()) throws -> (
        status: Int32, stdout: [UInt8], stderr: [UInt8]
    ) {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        let errData = ErrorSink()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            drained.signal()
        }
        // A child that exits without reading its input closes the pipe: the write then fails
        // with EPIPE, which is not the test's concern.
        try? inp.fileHandleForWriting.write(contentsOf: stdin)
        try? inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        p.waitUntilExit()
        return (p.terminationStatus, [UInt8](o), [UInt8](errData.get()))
    }

    /// A new temporary file holding `text`.
    static func temp(_ text: String, name: String = "body.json") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartdraw-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// Bytes handed from the thread that drains standard error.
private final class ErrorSink: Sendable {
    private let data = Mutex(Data())
    func set(_ d: Data) { data.withLock { $0 = d } }
    func get() -> Data { data.withLock { $0 } }
}
