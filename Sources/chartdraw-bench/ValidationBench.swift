import ChartDrawCore
import ChartDrawWire

#if canImport(Glibc)
    import Glibc
#endif

/// `chartdraw-bench validate corpus FILE [--runs 5] [--warmup 1] [--dump OUT.jsonl]`,
/// `validate large FILE [--runs 21] [--warmup 3]`, `validate one FILE`; `corpus-decode`,
/// `corpus-encode` and `corpus-parse` time decoding alone, canonical encoding (create body) of
/// what decoded alone, and the generic tree parser alone (diagnostics);
/// `validate dump-all FILE --dump OUT` writes every issue of every line under both policies and
/// the canonical form of what decoded (a byte-exact reference when tuning decoding).
///
/// Times decoding and validating from raw bytes (parsing, every issue and its pointer inside
/// the timing) as the peers of ../shared/bench/validation do; prints one JSON line.
func validationBenchMain(_ args: [String]) -> Int32 {
    var rest = args
    func option(_ name: String, _ def: Int) -> Int {
        guard let k = rest.firstIndex(of: name), k + 1 < rest.count, let v = Int(rest[k + 1]) else { return def }
        rest.removeSubrange(k...(k + 1))
        return v
    }
    func stringOption(_ name: String) -> String? {
        guard let k = rest.firstIndex(of: name), k + 1 < rest.count else { return nil }
        let v = rest[k + 1]
        rest.removeSubrange(k...(k + 1))
        return v
    }
    guard rest.count >= 2 else {
        BenchSupport.err(
            "usage: chartdraw-bench validate corpus|large|one|dump-all FILE [--runs N] [--warmup N] [--dump OUT.jsonl]\n"
        )
        return 64
    }
    let mode = rest.removeFirst()
    let runs = option("--runs", mode == "large" ? 21 : 5)
    let warmup = option("--warmup", mode == "large" ? 3 : 1)
    let dump = stringOption("--dump")
    let path = rest.removeFirst()
    guard let data = BenchSupport.read(path) else {
        BenchSupport.err("chartdraw-bench: cannot read '\(path)'\n")
        return 66
    }
    switch mode {
    case "corpus", "corpus-decode", "corpus-encode", "corpus-parse":
        // One document per non-empty line, as raw byte ranges into one buffer.
        var lines: [Range<Int>] = []
        var s = 0
        for (k, c) in data.enumerated() where c == 0x0A {
            var e = k
            if e > s && data[e - 1] == 0x0D { e -= 1 }
            if e > s { lines.append(s..<e) }
            s = k + 1
        }
        if s < data.count { lines.append(s..<data.count) }
        let bytes = lines.reduce(0) { $0 + $1.count }
        var times: [Double] = []
        var invalid = 0
        var errors = 0
        // For corpus-encode: the documents decoded once, outside the timing.
        var decoded: [Analysis] = []
        if mode == "corpus-encode" {
            decoded = data.withUnsafeBytes { buf in
                lines.compactMap { r in try? AnalysisDecoder.decode(Array(UnsafeRawBufferPointer(rebasing: buf[r]))) }
            }
        }
        var encodedBytes = 0
        data.withUnsafeBytes { buf in
            for run in 0..<(warmup + runs) {
                invalid = 0
                errors = 0
                let t0 = BenchSupport.now()
                if mode == "corpus-encode" {
                    encodedBytes = 0
                    for a in decoded { encodedBytes &+= CanonicalEncoder.encode(a, endpoint: .create).count }
                    invalid = lines.count - decoded.count
                }
                for r in lines where mode != "corpus-encode" {
                    let doc = UnsafeRawBufferPointer(rebasing: buf[r])
                    if mode == "corpus-decode" {
                        if (try? AnalysisDecoder.decode(Array(doc))) == nil { invalid += 1 }
                        continue
                    } else if mode == "corpus-parse" {
                        if (try? JSONParser.parse(doc)) == nil { invalid += 1 }
                        continue
                    }
                    let report = ChartAnalysisValidator.validate(doc)
                    if !report.isValid {
                        invalid += 1
                        errors += report.errors.count
                    }
                }
                let dt = BenchSupport.now() - t0
                if run >= warmup { times.append(dt) }
            }
        }
        let med = BenchSupport.median(times)
        let n = Double(lines.count)
        print(
            "{\"peer\":\"swift\",\"mode\":\"\(mode)\",\"docs\":\(lines.count),\"bytes\":\(bytes),\"runs\":\(runs),\"warmup\":\(warmup)"
                + ",\"docs_per_s\":\(BenchSupport.num(n / med)),\"docs_per_s_min\":\(BenchSupport.num(n / (times.max() ?? med))),\"docs_per_s_max\":\(BenchSupport.num(n / (times.min() ?? med)))"
                + ",\"mb_per_s\":\(BenchSupport.num(Double(bytes) / med / 1e6)),\"us_per_doc\":\(BenchSupport.num(med / n * 1e6)),\"invalid_docs\":\(invalid),\"errors\":\(errors)"
                + (mode == "corpus-encode" ? ",\"encoded_bytes\":\(encodedBytes)}" : "}")
        )
        if let dump {
            var out: [UInt8] = []
            data.withUnsafeBytes { buf in
                for (k, r) in lines.enumerated() {
                    let report = ChartAnalysisValidator.validate(UnsafeRawBufferPointer(rebasing: buf[r]))
                    var w = JSONWriter()
                    w.beginObject()
                    w.key("line")
                    w.writeInteger(Int64(k + 1))
                    w.key("valid")
                    w.writeBool(report.isValid)
                    w.key("errors")
                    w.beginArray()
                    for i in report.errors {
                        w.element()
                        w.beginArray()
                        w.element()
                        w.writeString(i.path)
                        w.element()
                        w.writeString("\(i.code): \(i.message)")
                        w.endArray()
                    }
                    w.endArray()
                    w.endObject()
                    out += w.bytes
                    out.append(0x0A)
                }
            }
            guard BenchSupport.write(dump, out) else {
                BenchSupport.err("chartdraw-bench: cannot write '\(dump)'\n")
                return 73
            }
        }
        return 0
    case "large":
        var times: [Double] = []
        var valid = false
        data.withUnsafeBytes { buf in
            for run in 0..<(warmup + runs) {
                let t0 = BenchSupport.now()
                let r = ChartAnalysisValidator.validate(buf)
                let dt = BenchSupport.now() - t0
                valid = r.isValid
                if run >= warmup { times.append(dt) }
            }
        }
        print(
            "{\"peer\":\"swift\",\"mode\":\"large\",\"bytes\":\(data.count),\"runs\":\(runs),\"valid\":\(valid),\"median_ms\":\(BenchSupport.num(BenchSupport.median(times) * 1e3)),\"min_ms\":\(BenchSupport.num((times.min() ?? 0) * 1e3)),\"max_ms\":\(BenchSupport.num((times.max() ?? 0) * 1e3))}"
        )
        return 0
    case "dump-all":
        // Every issue of every line (all severities) and the canonical form of what decoded:
        // a byte-exact reference for checking that a change keeps every verdict and model.
        guard let outPath = dump else {
            BenchSupport.err("usage: chartdraw-bench validate dump-all FILE --dump OUT\n")
            return 64
        }
        var out: [UInt8] = []
        var start = 0
        var lineNo = 0
        data.withUnsafeBytes { buf in
            for k in 0...data.count where k == data.count || data[k] == 0x0A {
                defer { start = k + 1 }
                guard k > start else { continue }
                lineNo += 1
                let doc = UnsafeRawBufferPointer(rebasing: buf[start..<k])
                for policy in [ValidationPolicy.strict, .lenient] {
                    let report = ChartAnalysisValidator.validate(doc, policy: policy)
                    out += Array("\(lineNo) \(policy.rawValue) valid=\(report.isValid)\n".utf8)
                    for i in report.issues { out += Array("  \(i)\n".utf8) }
                    if policy == .strict, let a = report.analysis {
                        out += Array("  = ".utf8) + CanonicalEncoder.encode(a, endpoint: .create) + [0x0A]
                    }
                }
            }
        }
        guard BenchSupport.write(outPath, out) else {
            BenchSupport.err("chartdraw-bench: cannot write '\(outPath)'\n")
            return 73
        }
        return 0
    case "one":
        let r = ChartAnalysisValidator.validate(data)
        for i in r.issues { print("\(i.path): \(i.severity.rawValue)[\(i.code)]: \(i.message)") }
        return r.isValid ? 0 : 1
    default:
        BenchSupport.err("chartdraw-bench: unknown validate mode '\(mode)'\n")
        return 64
    }
}
