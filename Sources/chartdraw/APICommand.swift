import ArgumentParser
import ChartDraw
import ChartDrawClient
import ChartDrawCore
import ChartDrawWire

#if canImport(Glibc)
    import Glibc
#endif

/// `chartdraw api ...`: the six Chart Analysis endpoints from the command line.
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api", abstract: "Send requests to the Chart Analysis API (or a sandbox).",
        discussion: """
            The key comes from RETURNING_AI_API_KEY or --api-key-file and is never printed.
            Bodies are validated (strict) before sending and sent in canonical form; a create
            without an idempotencyKey gets one derived from its body (docs/api-client.md), so a
            retry never posts twice. 429, 502, 503, 504 and connection failures are retried with
            backoff; other errors are not. The response's data is printed as JSON.
            --dry-run prints the request as a curl command (the key read from
            $RETURNING_AI_API_KEY when it runs) and sends nothing.
            """,
        subcommands: [Create.self, Get.self, List.self, Update.self, Append.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an analysis in a channel.")
        @Argument(help: "The create body, a JSON file, or - for standard input.") var file: String
        @Option(help: "The community (24-hex ObjectId).") var community: String
        @Option(help: "The channel (24-hex ObjectId).") var channel: String
        @Option(help: "The idempotency key; default: the body's, else one derived from the body.") var idempotencyKey:
            String?
        @OptionGroup var options: APIOptions

        func run() async throws {
            let body = try options.readBody(file)
            try await options.perform { c in
                try c.prepareCreate(body, communityId: community, channelId: channel, idempotencyKey: idempotencyKey)
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one analysis.")
        @Argument(help: "The analysis id.") var analysisId: String
        @OptionGroup var options: APIOptions

        func run() async throws { try await options.perform { try $0.prepareGet(analysisId: analysisId) } }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List analyses, one page.")
        @Option(help: "The page, from 1.") var page: Int?
        @Option(help: "Analyses per page, 1 to 100.") var limit: Int?
        @OptionGroup var options: APIOptions

        func run() async throws { try await options.perform { try $0.prepareList(page: page, limit: limit) } }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Update an analysis (partial; drawings given replace all drawings).")
        @Argument(help: "The analysis id.") var analysisId: String
        @Argument(help: "The update body, a JSON file, or - for standard input.") var file: String
        @OptionGroup var options: APIOptions

        func run() async throws {
            let body = try options.readBody(file)
            try await options.perform { try $0.prepareUpdate(analysisId: analysisId, body) }
        }
    }

    struct Append: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Append drawings to an analysis.")
        @Argument(help: "The analysis id.") var analysisId: String
        @Argument(help: "The append body ({\"drawings\": [...]}), a JSON file, or - for standard input.") var file:
            String
        @OptionGroup var options: APIOptions

        func run() async throws {
            let body = try options.readBody(file)
            try await options.perform { try $0.prepareAppend(analysisId: analysisId, body) }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an analysis.")
        @Argument(help: "The analysis id.") var analysisId: String
        @OptionGroup var options: APIOptions

        func run() async throws { try await options.perform { try $0.prepareDelete(analysisId: analysisId) } }
    }
}

/// Options every `api` subcommand takes.
struct APIOptions: ParsableArguments {
    @Option(help: "Scheme, host and port of the API.") var baseURL = APIEndpoints.defaultBaseURL
    @Option(help: "The path prefix (/v1; /apis/v1 on the integration host).") var pathPrefix = APIEndpoints
        .defaultPathPrefix
    @Option(help: "A file holding the API key (instead of RETURNING_AI_API_KEY).") var apiKeyFile: String?
    @Flag(help: "Print the request as a curl command and send nothing.") var dryRun = false
    @Flag(help: "Send the body without validating it first.") var noValidate = false
    @Flag(help: "Validate leniently: unknown fields and enum values are warnings.") var lenient = false
    @Option(help: "Attempts in all, retries included (1 = no retry).") var maxAttempts = 5
    @Option(help: "Seconds one attempt may take.") var requestTimeout = 30.0
    @Option(help: "Seconds the whole call may take, retries included.") var timeout = 120.0
    @Flag(help: "Print data on one line instead of indented.") var compact = false

    func validate() throws {
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be 1 or more.") }
        guard requestTimeout > 0, requestTimeout.isFinite else {
            throw ValidationError("--request-timeout must be a positive number of seconds.")
        }
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds.")
        }
    }

    func readBody(_ file: String) throws -> [UInt8] {
        do {
            return try FileIO.read(file)
        } catch {
            FileIO.stderr("\(error)\n")
            throw ExitStatus.unreadable.code
        }
    }

    /// The key from --api-key-file or the environment; nil when neither gives one.
    func key() throws -> APIKey? {
        if let apiKeyFile {
            do {
                let k = APIKey(String(decoding: try FileIO.read(apiKeyFile), as: UTF8.self))
                guard !k.value.isEmpty else {
                    FileIO.stderr("chartdraw: the key file '\(apiKeyFile)' is empty\n")
                    throw ExitStatus.usage.code
                }
                return k
            } catch let e as FileIOError {
                FileIO.stderr("\(e)\n")
                throw ExitStatus.unreadable.code
            }
        }
        if let v = getenv("RETURNING_AI_API_KEY") {
            let k = APIKey(String(cString: v))
            if !k.value.isEmpty { return k }
        }
        return nil
    }

    /// Prepares the request; prints it (dry run) or sends it and prints `data`.
    func perform(_ prepare: (ChartDrawClient) throws -> PreparedRequest) async throws {
        let key = try key()
        let config = ClientConfiguration(
            baseURL: baseURL, pathPrefix: pathPrefix, apiKey: key ?? (dryRun ? APIKey("-") : nil),
            validateBeforeSending: !noValidate,
            validationPolicy: lenient ? .lenient : .strict, retry: RetryPolicy(maxAttempts: maxAttempts),
            requestTimeout: .milliseconds(Int64(requestTimeout * 1000)),
            overallTimeout: .milliseconds(Int64(timeout * 1000)))
        let client = ChartDrawClient(configuration: config)
        let request: PreparedRequest
        do {
            request = try prepare(client)
        } catch let e as ChartDrawClientError {
            throw Self.fail(e)
        }
        if dryRun {
            FileIO.stdout(request.curlCommand() + "\n")
            return
        }
        guard key != nil else {
            FileIO.stderr("chartdraw: no API key: set RETURNING_AI_API_KEY or give --api-key-file FILE\n")
            throw ExitStatus.usage.code
        }
        do {
            let response = try await client.send(request)
            FileIO.stdout(String(decoding: JSONWriter.encode(response.data, pretty: !compact), as: UTF8.self) + "\n")
        } catch let e as ChartDrawClientError {
            throw Self.fail(e)
        }
    }

    /// Prints the error and returns its exit code.
    static func fail(_ e: ChartDrawClientError) -> ExitCode {
        switch e {
        case .invalidBody(let issues):
            for i in issues { FileIO.stderr(IssueText.line("body", i)) }
            FileIO.stderr("chartdraw: the body is invalid; nothing was sent\n")
            return ExitStatus.invalid.code
        case .invalidArgument(let s):
            FileIO.stderr("chartdraw: \(s)\n")
            return ExitStatus.usage.code
        case .api(let a):
            FileIO.stderr("chartdraw: \(a.description)\n")
            if a.isAuthFailure { return ExitStatus.authFailed.code }
            if a.isRefused { return ExitStatus.refused.code }
            return ExitStatus.unavailable.code
        case .unavailable, .unexpectedResponse:
            FileIO.stderr("chartdraw: \(e.description)\n")
            return ExitStatus.unavailable.code
        }
    }
}
