import ArgumentParser
import ChartDraw
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `chartdraw validate`: every problem of a body, each with its JSON path and code.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Validate request bodies before upload.",
        usage: "chartdraw validate [<options>] <files> ...",
        discussion: """
            Text output: one line per issue, FILE:PATH: severity[code]: message, then \
            a summary. JSON output (--format json): one object per file and line, the \
            same for one file or many, also for a file that cannot be read: \
            {"file", "command", "valid", "issues": [{"path", "code", "severity", \
            "message"}], "error"?: {"code", "message"}}. Several files are validated \
            in parallel; the output keeps the argument order. Codes are stable \
            names for programs; each message names the problem and the fix.
            """)

    @Option(help: "The endpoint the bodies are for: create, update or append.")
    var endpoint: EndpointArgument = .create

    @Option(help: "The existing analysis (a create body), for update and append rules on the merged result.")
    var existing: String?

    @Flag(help: "Report unknown fields, unknown enum values and long texts as warnings, not errors.")
    var lenient = false

    @Option(help: "text or json.")
    var format: ReportFormat = .text

    @Argument(help: "Bodies to validate (JSON files, or - for standard input).")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file, or - for standard input.") }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("Standard input (-) can be given only once.")
        }
    }

    /// What one file gave: a report, or a read error.
    enum Outcome {
        case report(ValidationReport)
        case unreadable(FileIOError)
    }

    func run() throws {
        var old: Analysis?
        if let existing {
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(existing, limit: ResourceLimits.standard.maxBodyBytes)
            } catch {
                FileIO.stderr("\(error)\n")
                throw ExitStatus.unreadable.code
            }
            do {
                old = try AnalysisDecoder.decode(bytes)
            } catch {
                FileIO.stderr(
                    TerminalText.escape("chartdraw: cannot use --existing '\(existing)': \(error.message)") + "\n")
                throw ExitStatus.invalid.code
            }
        }
        let outcomes = Self.validateAll(
            files, endpoint: endpoint.endpoint, policy: lenient ? .lenient : .strict, existing: old)
        var out = ""
        var invalid = 0
        var unreadable = 0
        var errors = 0
        var warnings = 0
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case .unreadable(let e):
                unreadable += 1
                switch format {
                case .text: FileIO.stderr("\(e)\n")
                case .json:
                    let failure = ReportRecord.Failure(code: "unreadable", message: e.description)
                    out += ReportRecord(file: file, command: "validate", valid: false, error: failure).line
                }
            case .report(let r):
                if !r.isValid { invalid += 1 }
                let ne = r.errors.count
                errors += ne
                warnings += r.issues.count - ne
                switch format {
                case .text:
                    for i in r.issues { out += IssueText.line(file, i) }
                case .json:
                    out += ReportRecord(file: file, command: "validate", valid: r.isValid, issues: r.issues).line
                }
            }
        }
        if format == .text {
            let checked = files.count - unreadable
            if files.count == 1 && unreadable == 0 {
                out +=
                    "\(TerminalText.escape(files[0])): \(invalid == 0 ? "valid" : "invalid"): \(IssueText.counts(errors, warnings))\n"
            } else if checked > 0 {
                out +=
                    "\(checked) file\(checked == 1 ? "" : "s") checked: \(checked - invalid) valid, \(invalid) invalid; \(IssueText.counts(errors, warnings))\n"
            }
        }
        guard FileIO.writeAll(1, Array(out.utf8)) else {
            FileIO.stderr("\(FileIOError(path: "-", reading: false, reason: FileIOError.reason(errno)))\n")
            throw ExitStatus.cannotWrite.code
        }
        if unreadable > 0 { throw ExitStatus.unreadable.code }
        if invalid > 0 { throw ExitStatus.invalid.code }
    }

    /// Reads and validates every file, in parallel over all cores; results in argument order.
    static func validateAll(_ files: [String], endpoint: Endpoint, policy: ValidationPolicy, existing: Analysis?)
        -> [Outcome]
    {
        let results = ResultSlots(count: files.count)
        let progress = FileIO.stderrIsTerminal && files.count >= 200
        let chunk = max(64, files.count / 50)
        var start = 0
        while start < files.count {
            let end = min(files.count, start + chunk)
            let base = start
            DispatchQueue.concurrentPerform(iterations: end - start) { k in
                let i = base + k
                do throws(FileIOError) {
                    let bytes = try FileIO.read(files[i], limit: ResourceLimits.standard.maxBodyBytes)
                    results.set(
                        i,
                        .report(
                            ChartAnalysisValidator.validate(
                                bytes, endpoint: endpoint, policy: policy, existing: existing)))
                } catch {
                    results.set(i, .unreadable(error))
                }
            }
            start = end
            if progress { FileIO.stderr("\rvalidated \(start)/\(files.count)") }
        }
        if progress { FileIO.stderr("\r\u{1B}[K") }
        return results.values()
    }
}

/// One slot per file, each written by exactly one iteration of a concurrent loop.
private final class ResultSlots: Sendable {
    private let slots: Mutex<[ValidateCommand.Outcome?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ i: Int, _ v: sending ValidateCommand.Outcome) {
        slots.withLock { $0[i] = v }
    }

    func values() -> [ValidateCommand.Outcome] {
        slots.withLock { s in s.map { $0 ?? .unreadable(FileIOError(path: "?", reading: true, reason: "not read")) } }
    }
}
