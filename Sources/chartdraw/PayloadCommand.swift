import ArgumentParser
import ChartDraw

/// The endpoint as a command-line value.
enum EndpointArgument: String, CaseIterable, ExpressibleByArgument {
    case create, update, append

    var endpoint: Endpoint {
        switch self {
        case .create: return .create
        case .update: return .update
        case .append: return .append
        }
    }
}

/// The text format of issues, shared by `payload` and `validate`.
enum IssueText {
    /// `FILE:PATH: severity[code]: message` (no PATH part for the whole body); control
    /// characters from the input are escaped (``TerminalText``), so one issue is one line.
    static func line(_ file: String, _ i: ValidationIssue) -> String {
        i.line(file: file, escape: TerminalText.escape) + "\n"
    }

    /// `FILE: invalid: N errors, M warnings`.
    static func summary(_ file: String, _ report: ValidationReport) -> String {
        "\(TerminalText.escape(file)): invalid: \(counts(report.errors.count, report.warnings.count))\n"
    }

    /// `N errors, M warnings`.
    static func counts(_ errors: Int, _ warnings: Int) -> String {
        "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}

/// `chartdraw payload create|update|append FILE|-`: print the canonical body.
struct PayloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payload", abstract: "Read a request body and print its canonical form.",
        usage: "chartdraw payload [<options>] <endpoint> <file>",
        discussion: """
            The canonical form has the documented key order in every object, the \
            shortest number forms, UTC times with Z and upper-case colours; members \
            the engine does not know are kept in place. An invalid body prints its \
            issues (as validate does) to standard error and exits 1. With --report \
            json, standard error gets one JSON object instead (the validate --format \
            json record) and standard output still only the body.
            """)

    @Argument(help: "The endpoint whose body this is: create, update or append.")
    var endpoint: EndpointArgument

    @Argument(help: "The body, a JSON file, or - for standard input.")
    var file: String

    @Flag(help: "Indent with 2 spaces, one member per line.")
    var pretty = false

    @Flag(help: "Report unknown fields, unknown enum values and long texts as warnings, not errors.")
    var lenient = false

    @Option(help: "How issues go to standard error: text, or json (one object).")
    var report: ReportFormat = .text

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(file, limit: ResourceLimits.standard.maxBodyBytes)
        } catch {
            if self.report == .json {
                let failure = ReportRecord.Failure(code: "unreadable", message: error.description)
                FileIO.stderr(ReportRecord(file: file, command: "payload", valid: false, error: failure).line)
            } else {
                FileIO.stderr("\(error)\n")
            }
            throw ExitStatus.unreadable.code
        }
        let report = ChartAnalysisValidator.validate(
            bytes, endpoint: endpoint.endpoint, policy: lenient ? .lenient : .strict)
        let name = file == "-" ? "-" : file
        let valid = report.isValid && report.analysis != nil
        if self.report == .json {
            FileIO.stderr(ReportRecord(file: name, command: "payload", valid: valid, issues: report.issues).line)
            if !valid { throw ExitStatus.invalid.code }
        } else if !valid {
            var text = ""
            for i in report.issues { text += IssueText.line(name, i) }
            text += IssueText.summary(name, report)
            FileIO.stderr(text)
            throw ExitStatus.invalid.code
        } else if !report.issues.isEmpty {
            var text = ""
            for i in report.issues { text += IssueText.line(name, i) }
            FileIO.stderr(text)
        }
        guard let analysis = report.analysis else { throw ExitStatus.invalid.code }
        var out = CanonicalEncoder.encode(analysis, endpoint: endpoint.endpoint, pretty: pretty)
        out.append(0x0A)
        do {
            try writeAtomically(out, to: "-")
        } catch {
            FileIO.stderr("\(error)\n")
            throw ExitStatus.cannotWrite.code
        }
    }
}
