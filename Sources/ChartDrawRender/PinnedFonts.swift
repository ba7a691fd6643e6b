internal import CCairo
internal import CPango
internal import Glibc

/// The pinned fonts: exactly these files, in this fallback order, through a private fontconfig
/// configuration, so that no other installed font can change a pixel.
///
/// A character is drawn with the first family in ``families`` that has it (Pango itemises the
/// text and asks fontconfig per run); the families come from Debian's `fonts-dejavu-core`,
/// `fonts-noto-core`, `fonts-noto-cjk` and `fonts-noto-color-emoji`. DejaVu Sans stays first so
/// Latin, Greek and Cyrillic look as they always did; Noto fills in every other script the
/// charts' communities write in. `scripts/gen_font_coverage.py` derives the core's coverage
/// table from the same files.
///
/// Thread safety: the configuration is built once (Swift global initialiser, under `swift_once`)
/// and only read afterwards; fontconfig locks its own caches. Pango font maps are not shared
/// between threads: each thread that measures or draws gets its own ``TextEngine``.
final class PinnedFonts: @unchecked Sendable {
    /// One pinned file: the family it provides and where Debian installs it.
    struct File: Hashable, Sendable {
        let family: String
        let path: String
        let package: String
    }

    /// The font files, in fallback order (regular and bold of each family).
    static let files: [File] = [
        File(
            family: "DejaVu Sans", path: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", package: "fonts-dejavu-core"
        ),
        File(
            family: "DejaVu Sans", path: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            package: "fonts-dejavu-core"),
        noto("NotoSans-Regular.ttf", "Noto Sans"),
        noto("NotoSans-Bold.ttf", "Noto Sans"),
        File(
            family: "Noto Sans CJK SC", path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            package: "fonts-noto-cjk"),
        File(
            family: "Noto Sans CJK SC", path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
            package: "fonts-noto-cjk"),
        noto("NotoSansArabic-Regular.ttf", "Noto Sans Arabic"),
        noto("NotoSansArabic-Bold.ttf", "Noto Sans Arabic"),
        noto("NotoSansHebrew-Regular.ttf", "Noto Sans Hebrew"),
        noto("NotoSansHebrew-Bold.ttf", "Noto Sans Hebrew"),
        noto("NotoSansThai-Regular.ttf", "Noto Sans Thai"),
        noto("NotoSansThai-Bold.ttf", "Noto Sans Thai"),
        noto("NotoSansDevanagari-Regular.ttf", "Noto Sans Devanagari"),
        noto("NotoSansDevanagari-Bold.ttf", "Noto Sans Devanagari"),
        File(
            family: "Noto Color Emoji", path: "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
            package: "fonts-noto-color-emoji"),
    ]

    private static func noto(_ name: String, _ family: String) -> File {
        File(family: family, path: "/usr/share/fonts/truetype/noto/" + name, package: "fonts-noto-core")
    }

    /// The Pango family list: the families of ``files`` in order, without repeats.
    static let families: String = {
        var seen: [String] = []
        for f in files where !seen.contains(f.family) { seen.append(f.family) }
        return seen.joined(separator: ",")
    }()

    /// The configuration, or why it could not be built (cached: install the fonts and restart).
    static let shared: Result<PinnedFonts, RenderError> = load()

    /// The private fontconfig configuration (`FcConfig *`), never freed.
    let config: OpaquePointer
    /// Antialias gray, hint style none, hint metrics off: advances are the unhinted design
    /// advances, and glyph shapes do not depend on FreeType's hinter or the machine's settings.
    let options: OpaquePointer
    /// Each file with the version its `head` table declares, e.g. `DejaVuSans.ttf 2.037`.
    let versions: [String]

    private init(config: OpaquePointer, options: OpaquePointer, versions: [String]) {
        self.config = config
        self.options = options
        self.versions = versions
    }

    private static func load() -> Result<PinnedFonts, RenderError> {
        for f in files where access(f.path, R_OK) != 0 {
            return .failure(.fontMissing(path: f.path))
        }
        let config: OpaquePointer
        switch makeConfig(cacheRoot: FontCache.root()) {
        case .success(let made): config = made.config
        case .failure(let error): return .failure(error)
        }
        guard let options = cairo_font_options_create() else {
            return .failure(.cairo(operation: "create font options", status: .noMemory))
        }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
        let status = cairo_font_options_status(options)
        guard status == CAIRO_STATUS_SUCCESS else {
            return .failure(
                .cairo(operation: "create font options", status: CairoStatus(status)))
        }
        return .success(PinnedFonts(config: config, options: options, versions: fileVersions(config)))
    }

    /// Makes an empty configuration fontconfig's current one (see
    /// ``ChartRenderer/skipMachineFontConfiguration()``); Pango's `FcInit` then has nothing to load.
    static func emptyProcessDefault() {
        guard let empty = FcConfigCreate() else { return }
        _ = FcConfigSetCurrent(empty)
        FcConfigDestroy(empty)  // the current configuration keeps its own reference
    }

    /// How the configuration got its fonts.
    enum Source: Equatable {
        /// From fontconfig's cache of the link directory (written by this or an earlier process).
        case cache(directory: String)
        /// Each file read and scanned in this process.
        case files
    }

    /// A configuration with the scaling rule and the pinned fonts: through the link directory
    /// under `cacheRoot` (see ``FontCache``) when it can be used, else file by file. Both give
    /// the same faces in the same order.
    static func makeConfig(cacheRoot: String?) -> Result<(config: OpaquePointer, source: Source), RenderError> {
        if let root = cacheRoot, let dir = FontCache.linkDirectory(for: files, root: root) {
            switch emptyConfig(extraRules: FontCache.cacheDirRule(root)) {
            case .success(let config):
                if add(directory: dir, to: config) { return .success((config, .cache(directory: dir))) }
                FcConfigDestroy(config)
            case .failure:
                break
            }
        }
        return emptyConfig(extraRules: nil).flatMap {
            config -> Result<(config: OpaquePointer, source: Source), RenderError> in
            for f in files {
                let added = f.path.withCString { p in
                    p.withMemoryRebound(to: FcChar8.self, capacity: f.path.utf8.count + 1) {
                        FcConfigAppFontAddFile(config, $0)
                    }
                }
                guard added != 0 else {
                    FcConfigDestroy(config)
                    return .failure(.fontLoadFailed(path: f.path, detail: "fontconfig could not read the file"))
                }
            }
            return .success((config, .files))
        }
    }

    /// A configuration with no fonts, the scaling rule and `extraRules`.
    private static func emptyConfig(extraRules: String?) -> Result<OpaquePointer, RenderError> {
        guard let config = FcConfigCreate() else {
            return .failure(.fontLoadFailed(path: files[0].path, detail: "FcConfigCreate failed"))
        }
        for rules in [bitmapScaling] + (extraRules.map { [$0] } ?? []) {
            let parsed = rules.withCString { p in
                p.withMemoryRebound(to: FcChar8.self, capacity: rules.utf8.count + 1) {
                    FcConfigParseAndLoadFromMemory(config, $0, 1)
                }
            }
            guard parsed != 0 else {
                FcConfigDestroy(config)
                return .failure(
                    .fontLoadFailed(path: files[files.count - 1].path, detail: "fontconfig rejected a rule"))
            }
        }
        return .success(config)
    }

    /// Adds the link directory's fonts; true when every pinned file gave at least one face,
    /// in fallback order.
    private static func add(directory: String, to config: OpaquePointer) -> Bool {
        let added = directory.withCString { p in
            p.withMemoryRebound(to: FcChar8.self, capacity: directory.utf8.count + 1) {
                FcConfigAppFontAddDir(config, $0)
            }
        }
        guard added != 0, let set = FcConfigGetFonts(config, FcSetApplication) else { return false }
        var next = 0
        for i in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[i], let path = string(pattern, FC_FILE) else { return false }
            if next < files.count, path == directory + "/" + FontCache.linkName(next, files[next]) {
                next += 1
            } else if next == 0 || path != directory + "/" + FontCache.linkName(next - 1, files[next - 1]) {
                return false
            }
        }
        return next == files.count
    }

    /// A string value of a pattern.
    static func string(_ pattern: OpaquePointer, _ object: String) -> String? {
        var value: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value else { return nil }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }

    /// The one fontconfig rule the configuration has (fontconfig's own `10-scale-bitmap-fonts.conf`,
    /// reduced to colour bitmap fonts): Noto Color Emoji has bitmaps 109 px high, and this scales
    /// them to the requested size instead of drawing them at their strike size.
    static let bitmapScaling = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <match target="font">
            <test name="outline" compare="eq"><bool>false</bool></test>
            <edit name="pixelsizefixupfactor" mode="assign">
              <divide><name target="pattern">pixelsize</name><name target="font">pixelsize</name></divide>
            </edit>
          </match>
          <match target="font">
            <test name="outline" compare="eq"><bool>false</bool></test>
            <test name="pixelsizefixupfactor" compare="not_eq"><double>1.0</double></test>
            <edit name="matrix" mode="assign">
              <times>
                <name>matrix</name>
                <matrix>
                  <name>pixelsizefixupfactor</name><double>0</double>
                  <double>0</double><name>pixelsizefixupfactor</name>
                </matrix>
              </times>
            </edit>
            <edit name="size" mode="assign"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit>
          </match>
        </fontconfig>
        """

    /// The code points some pinned font has, as ascending ranges: the union of the character
    /// sets fontconfig computed for the configuration (for the test of the core's table).
    func coverage() -> [ClosedRange<UInt32>] {
        guard let set = FcConfigGetFonts(config, FcSetApplication), let union = FcCharSetCreate() else { return [] }
        defer { FcCharSetDestroy(union) }
        for i in 0..<Int(set.pointee.nfont) {
            var cs: OpaquePointer?
            if let pattern = set.pointee.fonts[i], FcPatternGetCharSet(pattern, FC_CHARSET, 0, &cs) == FcResultMatch,
                let cs
            {
                FcCharSetMerge(union, cs, nil)
            }
        }
        var out: [ClosedRange<UInt32>] = []
        var start: UInt32?
        for v in UInt32(0)...0x110000 {
            let has = v < 0x110000 && FcCharSetHasChar(union, v) != 0
            if has, start == nil { start = v }
            if !has, let s = start {
                out.append(s...(v - 1))
                start = nil
            }
        }
        return out
    }

    /// The file name and `head` version of every pinned file, in fallback order.
    static func fileVersions(_ config: OpaquePointer) -> [String] {
        var byPath: [String: Int32] = [:]
        if let set = FcConfigGetFonts(config, FcSetApplication) {
            for i in 0..<Int(set.pointee.nfont) {
                guard let pattern = set.pointee.fonts[i] else { continue }
                var file: UnsafeMutablePointer<FcChar8>?
                var version: Int32 = 0
                guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file,
                    FcPatternGetInteger(pattern, FC_FONTVERSION, 0, &version) == FcResultMatch
                else { continue }
                byPath[String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))] = version
            }
        }
        return files.enumerated().map { i, f in
            let name = f.path.split(separator: "/").last.map(String.init) ?? f.path
            // Through the cache, the patterns name the links of the cache's directory.
            let link = byPath.first { $0.key.hasSuffix("/" + FontCache.linkName(i, f)) }?.value
            guard let v = byPath[f.path] ?? link else { return name + " (version unknown)" }
            // 16.16 fixed point, shown with three decimals as font tools do (2.037).
            let thousandths = (Int(v) * 1000 + 32768) >> 16
            let fraction = thousandths % 1000
            let pad = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
            return "\(name) \(thousandths / 1000).\(pad)\(fraction)"
        }
    }
}
