import CPango
import Glibc
import Testing

@testable import ChartDrawRender

/// The font cache (a directory of links to the pinned files, scanned once by fontconfig) gives
/// the configuration exactly the faces of adding the files one by one, and the engine falls
/// back to the files whenever the cache cannot be used.
@Suite struct FontCacheTests {
    /// A fresh private directory under /tmp.
    static func temporaryRoot() throws -> String {
        var template = Array("/tmp/chartdraw-font-cache-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        _ = try #require(made, "mkdtemp failed: errno \(errno)")
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Every face of a configuration's application set, without its file name, and the file
    /// name apart.
    static func faces(_ config: OpaquePointer) -> [(pattern: OpaquePointer, file: String)] {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return [] }
        return (0..<Int(set.pointee.nfont)).compactMap { i in
            guard let p = set.pointee.fonts[i], let copy = FcPatternDuplicate(p) else { return nil }
            let file = PinnedFonts.string(p, FC_FILE) ?? ""
            FcPatternDel(copy, FC_FILE)
            return (copy, file)
        }
    }

    @Test func theCacheGivesTheFacesOfTheFilesInTheirOrder() throws {
        let root = try Self.temporaryRoot()
        defer { FileList.remove(root) }
        let files = try PinnedFonts.makeConfig(cacheRoot: nil).get()
        #expect(files.source == .files)
        // The first configuration scans the links and writes fontconfig's cache; the second reads it.
        let scanned = try PinnedFonts.makeConfig(cacheRoot: root).get()
        guard case .cache(let dir) = scanned.source else {
            Issue.record("the cache under \(root) was not used: \(scanned.source)")
            return
        }
        let cacheFiles = FileList.names(root).filter { $0.contains(".cache-") }
        #expect(!cacheFiles.isEmpty, "fontconfig wrote no cache in \(root): \(FileList.names(root))")
        let cached = try PinnedFonts.makeConfig(cacheRoot: root).get()
        #expect(cached.source == .cache(directory: dir))

        let expected = Self.faces(files.config)
        #expect(expected.count > PinnedFonts.files.count)  // the collections hold several faces
        for other in [scanned, cached] {
            let got = Self.faces(other.config)
            #expect(got.count == expected.count)
            for (g, e) in zip(got, expected) {
                #expect(FcPatternEqual(g.pattern, e.pattern) != 0, "\(e.file): the cached face differs")
                let index = try #require(PinnedFonts.files.firstIndex { $0.path == e.file })
                #expect(g.file == dir + "/" + FontCache.linkName(index, PinnedFonts.files[index]))
            }
        }
        // The versions read through the links are the files' own.
        #expect(PinnedFonts.fileVersions(cached.config) == PinnedFonts.fileVersions(files.config))
        #expect(!PinnedFonts.fileVersions(cached.config).contains { $0.contains("unknown") })
    }

    @Test func anUnusableRootFallsBackToTheFiles() throws {
        let root = try Self.temporaryRoot()
        defer { FileList.remove(root) }
        // A regular file where a directory should be.
        let blocker = root + "/file"
        let fd = open(blocker, O_CREAT | O_WRONLY, 0o600)
        #expect(fd >= 0)
        close(fd)
        #expect(try PinnedFonts.makeConfig(cacheRoot: blocker + "/fonts").get().source == .files)
        // A directory others can write: its cache could have been planted.
        #expect(chmod(root, 0o777) == 0)
        #expect(try PinnedFonts.makeConfig(cacheRoot: root).get().source == .files)
        #expect(FileList.names(root) == ["file"], "nothing is written into an unsafe root")
    }

    @Test func aLinkDirectoryWithAnythingElseInItIsNotUsed() throws {
        let root = try Self.temporaryRoot()
        defer { FileList.remove(root) }
        guard case .cache(let dir) = try PinnedFonts.makeConfig(cacheRoot: root).get().source else {
            Issue.record("the cache under \(root) was not used")
            return
        }
        #expect(symlink("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", dir + "/99-extra.ttf") == 0)
        #expect(try PinnedFonts.makeConfig(cacheRoot: root).get().source == .files)
        unlink(dir + "/99-extra.ttf")
        // A link pointing elsewhere.
        let first = dir + "/" + FontCache.linkName(0, PinnedFonts.files[0])
        unlink(first)
        #expect(symlink("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", first) == 0)
        #expect(try PinnedFonts.makeConfig(cacheRoot: root).get().source == .files)
    }

    @Test func theRootComesFromTheEnvironment() {
        func root(_ env: [String: String]) -> String? { FontCache.root { env[$0] } }
        #expect(root(["CHARTDRAW_FONT_CACHE": "/srv/fonts/", "HOME": "/home/a"]) == "/srv/fonts")
        #expect(root(["CHARTDRAW_FONT_CACHE": "", "HOME": "/home/a"]) == nil)
        #expect(root(["CHARTDRAW_FONT_CACHE": "relative", "HOME": "/home/a"]) == nil)
        #expect(root(["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]) == "/x/cache/chartdraw/fonts")
        #expect(root(["HOME": "/home/a"]) == "/home/a/.cache/chartdraw/fonts")
        #expect(root(["HOME": "relative"]) == nil)
        #expect(root([:]) == nil)
    }
}

/// The names in a directory (no `.` and `..`), sorted.
enum FileList {
    static func names(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: &e.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out.sorted()
    }

    /// Removes a directory and what is in it, two levels deep (links are removed, not followed).
    static func remove(_ dir: String) {
        for name in names(dir) {
            let path = dir + "/" + name
            var st = stat()
            if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                for inner in names(path) { unlink(path + "/" + inner) }
                rmdir(path)
            } else {
                unlink(path)
            }
        }
        rmdir(dir)
    }
}
