internal import CCairo
internal import CPango
internal import Glibc

/// Lets fontconfig keep what it learns about the pinned fonts between processes.
///
/// Adding a file to a configuration makes fontconfig read every face in it (the two Noto CJK
/// collections hold ten faces each) and compute each face's character set and languages: most
/// of a process's first image. fontconfig caches that work only per directory, so this keeps
/// one directory of symbolic links to exactly the pinned files, `NN-<file name>` in fallback
/// order, and lets fontconfig scan it once and write its cache beside it. Every later process
/// maps the cache instead of reading the fonts.
///
/// The fonts are the same files and faces in the same order, scanned by the same private
/// configuration (no rules of the machine's), so the patterns, and with them every pixel, are
/// those of adding the files one by one; only the file names the patterns carry are the links'.
/// The link directory is named after the fonts' identity (device, inode, size and modification
/// time of every file) and the fontconfig and FreeType versions, so an upgraded font gets a new
/// directory and a fresh scan, never a stale cache. A directory is used only when it holds
/// exactly the expected links.
///
/// Where: `$CHARTDRAW_FONT_CACHE` when set (an absolute path; empty turns the cache off), else
/// `$XDG_CACHE_HOME/chartdraw/fonts`, else `$HOME/.cache/chartdraw/fonts`. The directory must
/// belong to the user and not be writable by others. When it cannot be created or used, the
/// engine adds the files one by one as before: slower to start, the same pixels.
enum FontCache {
    /// The cache root from the environment, or `nil` when there is none or it is turned off.
    static func root(environment get: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> String? {
        if let explicit = get("CHARTDRAW_FONT_CACHE") {
            return explicit.hasPrefix("/") ? trimmed(explicit) : nil
        }
        if let xdg = get("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return trimmed(xdg) + "/chartdraw/fonts" }
        if let home = get("HOME"), home.hasPrefix("/") { return trimmed(home) + "/.cache/chartdraw/fonts" }
        return nil
    }

    private static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// The link directory for `files` under `root`, created when missing; `nil` when the root
    /// cannot be made or is not safe, or a file cannot be identified.
    static func linkDirectory(for files: [PinnedFonts.File], root: String) -> String? {
        guard let key = identity(of: files), makeDirectories(root) else { return nil }
        var st = stat()
        // Only a directory of this user that nobody else can write: the cache decides pixels.
        guard stat(root, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == geteuid(),
            st.st_mode & (S_IWGRP | S_IWOTH) == 0
        else { return nil }
        let dir = root + "/pinned-" + key
        if holdsExactly(files, dir) { return dir }
        // Build it under a private name and rename it into place: another process doing the
        // same at the same moment either wins (its directory is identical) or loses.
        let temp = root + "/.pinned-\(key)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard mkdir(temp, 0o755) == 0 else { return nil }
        var made = true
        for (i, f) in files.enumerated() {
            made = symlink(f.path, temp + "/" + linkName(i, f)) == 0
            if !made { break }
        }
        if !made || rename(temp, dir) != 0 {
            for (i, f) in files.enumerated() { unlink(temp + "/" + linkName(i, f)) }
            rmdir(temp)
        }
        return holdsExactly(files, dir) ? dir : nil
    }

    /// The link's name: the fallback position first, so fontconfig, which scans a directory in
    /// name order, adds the faces in the order of ``PinnedFonts/files``.
    static func linkName(_ index: Int, _ file: PinnedFonts.File) -> String {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return (index < 10 ? "0" : "") + String(index) + "-" + name
    }

    /// Whether `dir` holds exactly one link per file, each to that file, and nothing else.
    static func holdsExactly(_ files: [PinnedFonts.File], _ dir: String) -> Bool {
        guard let d = opendir(dir) else { return false }
        defer { closedir(d) }
        var names: Set<String> = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.insert(name) }
        }
        guard names.count == files.count else { return false }
        var buffer = [CChar](repeating: 0, count: 4096)
        for (i, f) in files.enumerated() {
            let n = readlink(dir + "/" + linkName(i, f), &buffer, buffer.count - 1)
            guard n > 0 else { return false }
            let target = buffer.prefix(n).map { UInt8(bitPattern: $0) }
            guard target.elementsEqual(f.path.utf8) else { return false }
        }
        return true
    }

    /// A hex digest of the files' identities and the library versions (FNV-1a, 64 bits).
    static func identity(of files: [PinnedFonts.File]) -> String? {
        var text = "chartdraw-pinned-fonts 1\nfontconfig \(FcGetVersion())\nfreetype \(ChartRenderer.freetypeVersion)\n"
        for f in files {
            var st = stat()
            guard stat(f.path, &st) == 0 else { return nil }
            text += "\(f.path) \(st.st_dev) \(st.st_ino) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)\n"
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `mkdir -p` with mode 0700 for what it creates.
    private static func makeDirectories(_ path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            var st = stat()
            if stat(prefix, &st) == 0 {
                if (st.st_mode & S_IFMT) != S_IFDIR { return false }
                continue
            }
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    /// The fontconfig rule that names `root` as the cache directory.
    static func cacheDirRule(_ root: String) -> String {
        var escaped = ""
        for c in root {
            switch c {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(c)
            }
        }
        return """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig><cachedir>\(escaped)</cachedir></fontconfig>
            """
    }
}
