import ArgumentParser

/// Every exit code of the tool, defined once; `--help` and the README quote ``helpText``.
enum ExitStatus: Int32, CaseIterable {
    /// Success (for `validate`: valid, warnings allowed).
    case success = 0
    /// The input is invalid: validation found at least one error.
    case invalid = 1
    /// The command line is wrong (unknown option, bad value). ArgumentParser's own code.
    case usage = 64
    /// An input file could not be read (missing, unreadable, a directory, over its size limit).
    case unreadable = 66
    /// An output file could not be written, or rendering failed.
    case cannotWrite = 73
    /// `api`: the server refused the request (400, 404, 409, 422 or another 4xx).
    case refused = 65
    /// `api`: the server stayed unavailable (429, 5xx or no connection after every retry, or the
    /// timeout ran out); `sandbox`: the server cannot start.
    case unavailable = 69
    /// `api`: authentication failed (401 or 403: the key is missing, invalid, expired or not
    /// scoped to the resource).
    case authFailed = 77

    /// The exit code as ArgumentParser takes it.
    var code: ExitCode { ExitCode(rawValue) }

    /// The table printed by `--help`.
    static let helpText = """
        Exit codes:
          0   success (validate: valid; warnings are allowed)
          1   invalid input: the body has at least one error (each is printed)
          64  usage error: unknown option or bad option value (api: no key, a bad id)
          65  api: the server refused the request (400, 404, 409, 422, ...)
          66  an input file cannot be read, or is larger than its limit (below)
          69  api: the server stayed unavailable (429/5xx/no connection after the retries);
              sandbox: the server cannot start (the port is taken, the --db file is unusable)
          73  an output file cannot be written, or rendering failed
          77  api: authentication failed (401 or 403)
        """
}
