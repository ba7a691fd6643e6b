internal import ChartDraw
internal import Glibc

/// The few file operations the golden harness and its tests need, on Glibc (no Foundation).
public enum FileSystem {
    /// The whole file, or `nil` when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? { try? FileIO.read(path) }

    /// Writes the file (creating its folder), replacing it atomically; an error text on failure.
    public static func write(_ bytes: [UInt8], to path: String) -> String? {
        if let slash = path.lastIndex(of: "/") {
            if let e = makeDirectories(String(path[..<slash])) { return e }
        }
        do {
            try writeAtomically(bytes, to: path)
        } catch {
            return error.description
        }
        return nil
    }

    /// `mkdir -p`; an error text on failure.
    public static func makeDirectories(_ path: String) -> String? {
        if path.isEmpty || isDirectory(path) { return nil }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            if let e = makeDirectories(String(path[..<slash])) { return e }
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { return "cannot create \(path): \(errorText())" }
        return nil
    }

    /// Whether a file or folder exists.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether `path` is a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a folder (no `.` or `..`), sorted; empty when it cannot be read.
    public static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
