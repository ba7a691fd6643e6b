import ArgumentParser
import ChartDraw

/// The `--cross-trigger` / `--touch-trigger` values.
struct TriggerArgument: ExpressibleByArgument {
    var trigger: EvaluationTrigger

    init(_ trigger: EvaluationTrigger) { self.trigger = trigger }

    init?(argument: String) {
        guard let t = EvaluationTrigger(rawValue: argument) else { return nil }
        trigger = t
    }

    var defaultValueDescription: String { trigger.rawValue }
    static var allValueStrings: [String] { EvaluationTrigger.allCases.map(\.rawValue) }
}

/// `chartdraw evaluate`: what price did to each drawing after the analysis, and the outcome.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Follow up an analysis over the candles after it.",
        discussion: """
            Reports every event of every level and drawing over the candles after the \
            analysis (touch, cross_up, cross_down, enter, exit_up, exit_down, exit_time, \
            break_up, break_down, touch_upper, touch_lower, level_reached, entry, expired) in \
            time order, and the outcome: target_hit, invalidated, expired or open. BULLISH: \
            the resistance is the target and the support the invalidation; BEARISH the \
            reverse; objects named or linked target / stop take those roles. A bar that \
            reaches both counts as invalidated. Drawings are placed on the candles' bars, as \
            the chart draws them: give the candles the analysis was drawn on and the later \
            ones in one file; only those after the start are evaluated. The analysis is \
            validated first, as by `chartdraw render`. JSON: {"outcome": {"status", "time", \
            "bar", "target", "stop"}, "events": [{"time", "bar", "objectId", "kind", "price", \
            "ratio"?}]}, bar being the candle's index in the file.
            """)

    @Argument(help: "The analysis, a create body (JSON file, or - for standard input).")
    var analysis: String

    @Option(help: "Candles: a CSV or JSON file (or - for standard input), in any form `render` reads.")
    var candles: String

    @Option(help: "The candles' form, when not recognised from the content.")
    var candlesFormat: CandlesFormatArgument?

    @Option(
        help:
            "Evaluate the candles at or after this time (ISO-8601 UTC). Default: those after the analysis' last point or level time."
    )
    var from: TimeArgument?

    @Option(help: "When the analysis was created (ISO-8601 UTC): the expiry counts from it. Default: the start.")
    var createdAt: TimeArgument?

    @Flag(help: "Carry lines and channels on beyond their right-most point.")
    var extendRight = false

    @Option(help: "What crosses a line, leaves a zone and invalidates: close or wick.")
    var crossTrigger = TriggerArgument(.close)

    @Option(help: "What touches a line, reaches a Fibonacci level and hits the target: wick or close.")
    var touchTrigger = TriggerArgument(.wick)

    @Option(help: "text or json.")
    var format: ReportFormat = .text

    @Flag(help: "Indent the JSON with 2 spaces.")
    var pretty = false

    @Flag(help: "Evaluate despite unknown fields or enum values (reported as warnings).")
    var lenient = false

    @Flag(name: .shortAndLong, help: "Print no warnings.")
    var quiet = false

    func validate() throws {
        if analysis == "-" && candles == "-" {
            throw ValidationError("Standard input (-) can feed the analysis or the candles, not both.")
        }
    }

    var options: EvaluationOptions {
        EvaluationOptions(
            from: from?.value, createdAt: createdAt?.value, extendRight: extendRight,
            crossTrigger: crossTrigger.trigger,
            touchTrigger: touchTrigger.trigger)
    }

    func run() throws {
        let analysisBytes = try Self.read(analysis)
        let report = ChartAnalysisValidator.validate(
            analysisBytes, endpoint: .create, policy: lenient ? .lenient : .strict)
        guard report.isValid, let model = report.analysis else {
            var text = ""
            for issue in report.issues { text += IssueText.line(analysis, issue) }
            text += "\(analysis): invalid: \(IssueText.counts(report.errors.count, report.warnings.count))\n"
            FileIO.stderr(text)
            throw ExitStatus.invalid.code
        }
        let series = try Self.readCandles(candles, format: candlesFormat?.format)
        let evaluation = Evaluation.evaluate(model, candles: series, options: options)
        if !quiet {
            var text = ""
            for issue in report.issues { text += IssueText.line(analysis, issue) }
            for w in evaluation.warnings { text += "chartdraw: warning: \(w.message)\n" }
            FileIO.stderr(text)
        }
        var out: [UInt8]
        switch format {
        case .json: out = EvaluationEncoder.encode(evaluation, pretty: pretty)
        case .text: out = Array(Self.text(evaluation, analysis: model).utf8)
        }
        if format == .json { out.append(0x0A) }
        do {
            try writeAtomically(out, to: "-")
        } catch {
            FileIO.stderr("\(error)\n")
            throw ExitStatus.cannotWrite.code
        }
    }

    /// Reads an input file, or exits 66 with a one-line message.
    static func read(_ path: String) throws -> [UInt8] {
        do {
            return try FileIO.read(path)
        } catch {
            FileIO.stderr("\(error)\n")
            throw ExitStatus.unreadable.code
        }
    }

    /// Reads and parses a candle file, or exits 66 (unreadable) or 1 (not candles) with a
    /// message naming the place.
    static func readCandles(_ path: String, format: CandleFormat?) throws -> CandleSeries {
        let bytes = try read(path)
        do {
            return try CandleFile.parse(bytes, format: format)
        } catch {
            FileIO.stderr("chartdraw: \(path == "-" ? "standard input" : "'\(path)'"): \(error)\n")
            throw ExitStatus.invalid.code
        }
    }

    /// The readable form: the outcome line, the roles, then one line per event.
    static func text(_ e: Evaluation, analysis: Analysis) -> String {
        func num(_ v: Double?) -> String { v.map { JSONWriter.formatNumber($0) } ?? "-" }
        var s = "outcome: \(e.outcome.status.rawValue)"
        if let t = e.outcome.time, let b = e.outcome.bar { s += " at \(t.iso8601) (bar \(b))" }
        s += "\n"
        s += "target: \(e.roles.target.map { "\($0) \(num(e.outcome.targetPrice))" } ?? "none")"
        s += "; invalidation: \(e.roles.stop.map { "\($0) \(num(e.outcome.stopPrice))" } ?? "none")"
        if let entry = e.roles.entry { s += "; entry: \(entry)" }
        if let x = e.expiry { s += "; expiry: \(x.iso8601)" }
        s += "\n"
        s += "\(e.events.count) event\(e.events.count == 1 ? "" : "s")"
        if let start = e.start { s += " after \(start.iso8601)" }
        s += e.events.isEmpty ? "\n" : ":\n"
        for ev in e.events {
            s += "\(ev.time.iso8601)  bar \(ev.bar)  \(ev.objectId ?? "-")  \(ev.kind.rawValue)  \(num(ev.price))"
            if let r = ev.ratio { s += "  ratio \(num(r))" }
            s += "\n"
        }
        return s
    }
}
