public import ChartDrawCore
// Linux only, as the package is (Package.swift): the calls below are Glibc's.
import Glibc

/// A file that cannot be read or written, with a one-line reason for people.
public struct FileIOError: Error, Sendable, CustomStringConvertible {
    /// The path as the user gave it (`-` for standard input or output).
    public var path: String
    /// Whether reading or writing failed.
    public var reading: Bool
    /// A short reason, e.g. "no such file".
    public var reason: String
    /// The `errno` value of the failed system call, when one failed (nil for a limit or a kind
    /// of file the engine refuses).
    public var code: Int32?

    /// Creates an error.
    public init(path: String, reading: Bool, reason: String, code: Int32? = nil) {
        self.path = path
        self.reading = reading
        self.reason = reason
        self.code = code
    }

    /// An error from a failed system call: the reason is ``reason(_:)`` of `errno`, which is kept.
    public init(path: String, reading: Bool, errno code: Int32) {
        self.init(path: path, reading: reading, reason: FileIOError.reason(code), code: code)
    }

    /// `chartdraw: cannot read 'x.json': no such file`.
    public var description: String {
        let name = path == "-" ? (reading ? "standard input" : "standard output") : "'\(TerminalText.escape(path))'"
        return "chartdraw: cannot \(reading ? "read" : "write") \(name): \(TerminalText.escape(reason))"
    }

    /// The reason for an errno value.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "read-only file system"
        case EEXIST: return "a file is in the way"
        default:
            if let s = strerror(code) { return String(cString: s).lowercased() }
            return "error \(code)"
        }
    }
}

/// Whole-file reading and atomic writing with the C library; `-` is standard input/output.
public enum FileIO {
    /// Reads a whole file, or standard input for `-`, of at most `limit` bytes.
    ///
    /// A larger input, or one that never ends (a device, a pipe fed forever), fails with a
    /// one-line error after reading `limit + 1` bytes: memory stays bounded. The default is
    /// the largest input the engine takes (`ChartDrawCore/ResourceLimits/maxCandleFileBytes`);
    /// read request bodies with `ChartDrawCore/ResourceLimits/maxBodyBytes`.
    public static func read(_ path: String, limit: Int = ResourceLimits.standard.maxCandleFileBytes)
        throws(FileIOError) -> [UInt8]
    {
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileIOError(path: path, reading: true, errno: errno) }
        }
        defer { if fd != 0 { close(fd) } }
        let tooLarge = FileIOError(
            path: path, reading: true,
            reason: "larger than the limit of \(limit) bytes (see the limits in chartdraw --help)")
        var st = stat()
        var size = 0
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw FileIOError(path: path, reading: true, reason: "is a directory")
            }
            if (st.st_mode & S_IFMT) == S_IFREG { size = Int(st.st_size) }
        }
        guard size <= limit else { throw tooLarge }
        // Grows by doubling, never past limit + 1 (the byte that tells "too large").
        let cap = limit &+ 1
        var out = [UInt8](repeating: 0, count: min(max(size + 1, 65536), cap))
        var count = 0
        while true {
            if count == out.count {
                guard out.count < cap else { throw tooLarge }
                out.append(contentsOf: [UInt8](repeating: 0, count: min(out.count, cap - out.count)))
            }
            let n = out.withUnsafeMutableBytes { buf -> Int in
                guard let base = buf.baseAddress else { preconditionFailure("the read buffer is never empty") }
                return Glibc.read(fd, base + count, buf.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileIOError(path: path, reading: true, errno: errno)
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { throw tooLarge }
        out.removeSubrange(count...)
        return out
    }

    /// Writes all bytes to a descriptor; false on failure.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buf in
            guard let base = buf.baseAddress else { return true }  // nothing to write
            var done = 0
            while done < buf.count {
                let n = write(fd, base + done, buf.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }

    /// Writes text to standard output.
    public static func stdout(_ s: String) { writeAll(1, Array(s.utf8)) }

    /// Writes text to standard error.
    public static func stderr(_ s: String) { writeAll(2, Array(s.utf8)) }

    /// Whether standard error is a terminal.
    public static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, fsync, then
/// rename over the target; the temporary file is removed on failure. `-` is standard output.
///
/// Only regular files (or a new path) get the temporary file and the rename. An existing
/// FIFO or character or block device is written in place (a FIFO must have a reader, else
/// the write is refused); a socket or directory is refused. A device or FIFO node is never
/// replaced by a file.
package func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileIOError) {
    if path == "-" {
        guard FileIO.writeAll(1, bytes) else { throw FileIOError(path: path, reading: false, errno: errno) }
        return
    }
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[..<$0]) } ?? "."
    let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !base.isEmpty else { throw FileIOError(path: path, reading: false, reason: "is a directory") }
    var st = stat()
    if stat(path, &st) == 0 {
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileIOError(path: path, reading: false, reason: "is a directory")
        case S_IFIFO, S_IFCHR, S_IFBLK: return try writeInPlace(bytes, to: path)
        default: throw FileIOError(path: path, reading: false, reason: "is not a regular file, a FIFO or a device")
        }
    }
    var tmp = ""
    var fd: Int32 = -1
    for attempt in 0..<100 {
        tmp = (dir.isEmpty ? "" : dir + "/") + ".\(base).\(getpid()).\(attempt).tmp"
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw FileIOError(path: path, reading: false, errno: errno) }
    func fail(_ code: Int32) -> FileIOError {
        close(fd)
        unlink(tmp)
        return FileIOError(path: path, reading: false, errno: code)
    }
    guard FileIO.writeAll(fd, bytes) else { throw fail(errno) }
    guard fsync(fd) == 0 else { throw fail(errno) }
    guard close(fd) == 0 else {
        let e = errno
        unlink(tmp)
        throw FileIOError(path: path, reading: false, errno: e)
    }
    guard rename(tmp, path) == 0 else {
        let e = errno
        unlink(tmp)
        throw FileIOError(path: path, reading: false, errno: e)
    }
}

/// Writes to an existing FIFO or device node through the node itself. A FIFO without a
/// reader is refused at once (no waiting for one to appear).
private func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileIOError) {
    let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
        let e = errno
        let reason = e == ENXIO ? "a FIFO with no reader" : FileIOError.reason(e)
        throw FileIOError(path: path, reading: false, reason: reason, code: e)
    }
    defer { close(fd) }
    // Blocking writes from here on: a FIFO reader that is slow is waited for, not refused.
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    guard FileIO.writeAll(fd, bytes) else { throw FileIOError(path: path, reading: false, errno: errno) }
}
