import ArgumentParser
import ChartDraw

#if canImport(Glibc)
    import Glibc
#endif

/// The `--theme` values.
enum ThemeArgument: String, CaseIterable, ExpressibleByArgument {
    case light, dark

    var theme: ChartTheme { self == .light ? .light : .dark }
}

/// The `--format` values.
enum FormatArgument: String, CaseIterable, ExpressibleByArgument {
    case png, svg, pdf

    var format: ImageFormat {
        switch self {
        case .png: return .png
        case .svg: return .svg
        case .pdf: return .pdf
        }
    }
}

/// The `--candles-format` values (``CandleFormat``'s names).
struct CandlesFormatArgument: ExpressibleByArgument {
    var format: CandleFormat

    init?(argument: String) {
        guard let f = CandleFormat(rawValue: argument) else { return nil }
        format = f
    }

    static var allValueStrings: [String] { CandleFormat.allCases.map(\.rawValue) }
}

/// The `--time-axis` values.
enum TimeAxisArgument: String, CaseIterable, ExpressibleByArgument {
    case bars, clock

    var mode: TimeAxisMode { self == .bars ? .bars : .clock }
}

/// A time option: ISO-8601 UTC (`2026-01-08T12:00:00Z`).
struct TimeArgument: ExpressibleByArgument {
    var value: Timestamp

    init?(argument: String) {
        guard let t = Timestamp(iso8601: argument) else { return nil }
        value = t
    }

    static var defaultValueDescription: String { "ISO-8601 UTC time" }
}

/// `chartdraw render`: draw an analysis over candles to PNG, SVG or PDF.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render an analysis to PNG, SVG or PDF.",
        discussion: """
            The analysis (a create body) is validated first; an invalid one is reported exactly \
            as `chartdraw validate` reports it, and nothing is written. Candles come from CSV \
            (time,open,high,low,close[,volume]; pandas to_csv too), a JSON array of objects, \
            ccxt fetch_ohlcv arrays or Binance klines, or any JSON form under "candles" or \
            "data"; the form is recognised from the content unless --candles-format names it. \
            Times are ISO-8601 or Unix seconds or milliseconds. The output is written atomically \
            (a temporary file, then a rename), so a failed render leaves no half-written file. \
            The format follows --format or the extension of -o; a mismatch is an error. A PNG \
            or PDF is not written to a terminal unless --force is given with -o -. With \
            --report json, standard error gets one JSON object (the validate --format json \
            record, with "warnings" and "output").

            Limits: width and height \(ChartOptions.logicalSizeLimits.lowerBound) to \
            \(ChartOptions.logicalSizeLimits.upperBound), scale \(ChartOptions.pixelScaleLimits.lowerBound) \
            to \(ChartOptions.pixelScaleLimits.upperBound), at most \(ChartOptions.maximumDeviceSide) device \
            pixels a side and \(ChartOptions.maximumDevicePixels) in all.
            """)

    @Argument(help: "The analysis, a create body (JSON file, or - for standard input).")
    var analysis: String

    @Option(help: "Candles: a CSV or JSON file (or - for standard input).")
    var candles: String?

    @Option(help: "The candles' form, when not recognised from the content.")
    var candlesFormat: CandlesFormatArgument?

    @Option(name: [.short, .customLong("output")], help: "Output file (.png, .svg or .pdf), or - for standard output.")
    var output: String = "chart.png"

    @Option(help: "Output format when the file name does not say it (png, svg, pdf).")
    var format: FormatArgument?

    @Option(help: "Image width in logical pixels.")
    var width: Int = 1200

    @Option(help: "Image height in logical pixels.")
    var height: Int = 675

    @Option(help: "Pixel scale: 2 for high-density screens; fractions are allowed.")
    var scale: Double = 1

    @Option(help: "light or dark.")
    var theme: ThemeArgument = .light

    @Option(help: "Start of the time range shown (ISO-8601 UTC); with --to.")
    var from: TimeArgument?

    @Option(help: "End of the time range shown (ISO-8601 UTC); with --from.")
    var to: TimeArgument?

    @Option(help: "Lowest price shown; with --max-price.")
    var minPrice: Double?

    @Option(help: "Highest price shown; with --min-price.")
    var maxPrice: Double?

    @Option(
        help:
            "When the analysis was created (ISO-8601 UTC): the expiry counts from it. Default: the last candle's time.")
    var createdAt: TimeArgument?

    @Option(
        help:
            "Decimals of price labels (default: the decimals of the candles and levels); the grid step is coarsened so no two lines share a label."
    )
    var precision: Int?

    @Option(
        name: .customLong("time-axis"),
        help: "bars: candles side by side, closed-market time takes no room (default); clock: proportional to time.")
    var timeAxis: TimeAxisArgument = .bars

    @Flag(help: "Mark what price did to each drawing after the analysis and shade the outcome (see `evaluate`).")
    var showEvents = false

    @Flag(help: "With --show-events: carry lines and channels on beyond their right-most point.")
    var extendRight = false

    @Flag(help: "Render despite unknown fields or enum values (reported as warnings).")
    var lenient = false

    @Flag(name: .shortAndLong, help: "Print no warnings.")
    var quiet = false

    @Option(help: "How issues and warnings go to standard error: text, or json (one object).")
    var report: ReportFormat = .text

    @Flag(help: "With -o -, write a PNG or PDF even when standard output is a terminal.")
    var force = false

    func validate() throws {
        guard (from == nil) == (to == nil) else { throw ValidationError("Give --from and --to together.") }
        guard (minPrice == nil) == (maxPrice == nil) else {
            throw ValidationError("Give --min-price and --max-price together.")
        }
        // The library's own limits (size, scale, device pixels after rounding, view, precision),
        // named by the flags that set them.
        do {
            try chartOptions.validate()
        } catch {
            throw ValidationError(Self.flagText(error))
        }
        if showEvents && candles == nil {
            throw ValidationError("--show-events needs --candles: the candles after the analysis.")
        }
        if extendRight && !showEvents {
            throw ValidationError("--extend-right applies to --show-events; add it or drop --extend-right.")
        }
        if analysis == "-" && candles == "-" {
            throw ValidationError("Standard input (-) can feed the analysis or the candles, not both.")
        }
        if outputFormat == nil {
            throw ValidationError(
                "Cannot tell the format of '\(output)': name it .png, .svg or .pdf, or give --format.")
        }
        if let format, let named = Self.extensionFormat(output), named != format.format {
            throw ValidationError(
                "--format \(format.rawValue) does not match the name '\(output)' (a .\(named.fileExtension) file); "
                    + "give one of them, or make them agree.")
        }
        if output == "-", outputFormat != .svg, isatty(1) == 1, !force {
            throw ValidationError(
                "Standard output is a terminal; \((outputFormat ?? .png).fileExtension.uppercased()) bytes would garble it. "
                    + "Redirect it (-o - > chart.png), name a file with -o, or add --force.")
        }
    }

    /// The chart options the flags give.
    var chartOptions: ChartOptions {
        var options = ChartOptions(
            width: width, height: height, pixelScale: scale, theme: theme.theme, createdAt: createdAt?.value,
            pricePrecision: precision, timeAxis: timeAxis.mode)
        // A reversed (or NaN) pair becomes an empty range, which the options' check refuses.
        if let from, let to { options.timeRange = from.value <= to.value ? from.value...to.value : to.value...to.value }
        if let minPrice, let maxPrice { options.priceRange = minPrice <= maxPrice ? minPrice...maxPrice : 0...0 }
        if showEvents { options.events = EvaluationOptions(extendRight: extendRight) }
        return options
    }

    /// A problem of the chart options in terms of the flags that set them.
    static func flagText(_ e: SceneError) -> String {
        switch e {
        case .invalidSize:
            let l = ChartOptions.logicalSizeLimits
            return "--width and --height must be between \(l.lowerBound) and \(l.upperBound)."
        case .invalidPixelScale:
            let l = ChartOptions.pixelScaleLimits
            return "--scale must be between \(l.lowerBound) and \(l.upperBound)."
        case .tooManyPixels(let w, let h):
            return "The image would be \(w)x\(h) device pixels; "
                + "keep each side within \(ChartOptions.maximumDeviceSide) and the total within "
                + "\(ChartOptions.maximumDevicePixels) (lower --width, --height or --scale)."
        case .invalidTimeRange: return "--from must be before --to."
        case .invalidPriceRange: return "--min-price and --max-price: \(e)."
        case .invalidPricePrecision:
            return "--precision must be between 0 and \(PriceFormat.maximumDecimals)."
        }
    }

    /// The format from `--format`, else from the output file's extension (PNG for `-`).
    var outputFormat: ImageFormat? {
        if let format { return format.format }
        if output == "-" { return .png }
        return Self.extensionFormat(output)
    }

    /// The image format a file name's extension names, if any.
    static func extensionFormat(_ name: String) -> ImageFormat? {
        let lower = name.lowercased()
        for f in [ImageFormat.png, .svg, .pdf] where lower.hasSuffix("." + f.fileExtension) { return f }
        return nil
    }

    func run() throws {
        // The engine's text is this process's only text: skip the machine's fontconfig set-up.
        ChartRenderer.skipMachineFontConfiguration()
        var record = ReportRecord(file: analysis, command: "render", valid: false)
        /// Reports a failure (as text or in the record) and exits with `status`.
        func fail(_ status: ExitStatus, _ code: String, _ text: String, line: Int? = nil, path: String? = nil)
            -> ExitCode
        {
            if report == .json {
                record.error = ReportRecord.Failure(code: code, message: text, line: line, path: path)
                FileIO.stderr(record.line)
            } else {
                FileIO.stderr(TerminalText.escape(text) + "\n")
            }
            return status.code
        }
        func read(_ path: String, limit: Int) throws -> [UInt8] {
            do {
                return try FileIO.read(path, limit: limit)
            } catch {
                throw fail(.unreadable, "unreadable", error.description)
            }
        }
        let analysisBytes = try read(analysis, limit: ResourceLimits.standard.maxBodyBytes)
        var series: CandleSeries?
        if let candles {
            let bytes = try read(candles, limit: ResourceLimits.standard.maxCandleFileBytes)
            do {
                series = try CandleFile.parse(bytes, format: candlesFormat?.format)
            } catch {
                let name = candles == "-" ? "standard input" : "'\(candles)'"
                record.valid =
                    ChartAnalysisValidator.validate(analysisBytes, policy: lenient ? .lenient : .strict).isValid
                throw fail(
                    .invalid, "candles_invalid", "chartdraw: \(name): \(error)", line: error.line, path: error.path)
            }
        }
        let options = chartOptions

        let chart: RenderedChart
        do {
            chart = try ChartDraw.render(
                json: analysisBytes, candles: series, options: options, format: outputFormat ?? .png,
                policy: lenient ? .lenient : .strict)
        } catch {
            switch error {
            case .invalidAnalysis(let r):
                if report == .json {
                    record.issues = r.issues
                    FileIO.stderr(record.line)
                } else {
                    var text = ""
                    for issue in r.issues { text += IssueText.line(analysis, issue) }
                    text += IssueText.summary(analysis, r)
                    FileIO.stderr(text)
                }
                throw ExitStatus.invalid.code
            case .scene(let e):
                record.valid = true
                throw fail(.usage, "options", "chartdraw: \(e)")
            case .render(let e):
                record.valid = true
                throw fail(.cannotWrite, "render_failed", "chartdraw: rendering failed: \(e)")
            }
        }
        record.valid = true
        record.issues = chart.issues
        // Gaps (weekends, nights) take no room on the bar axis: only clock time reports them,
        // in one line however many there are.
        var candleNotes: [String] = []
        if timeAxis == .clock, let gaps = series?.warnings, !gaps.isEmpty {
            let count = "\(gaps.count) gap\(gaps.count == 1 ? "" : "s")"
            candleNotes.append("\(count) in time shown as blank space; first: \(gaps[0])")
        }
        for w in candleNotes { record.warnings.append((source: "candles", message: w)) }
        for w in chart.warnings { record.warnings.append((source: "chart", message: w.message)) }
        if report == .text && !quiet {
            var text = ""
            for issue in chart.issues { text += IssueText.line(analysis, issue) }
            for w in candleNotes { text += "chartdraw: candles: warning: \(TerminalText.escape("\(w)"))\n" }
            for w in chart.warnings { text += "chartdraw: warning: \(TerminalText.escape(w.message))\n" }
            FileIO.stderr(text)
        }
        do {
            try writeAtomically(chart.bytes, to: output)
        } catch {
            throw fail(.cannotWrite, "cannot_write", error.description)
        }
        if report == .json {
            record.output = output
            FileIO.stderr(record.line)
        }
    }
}
