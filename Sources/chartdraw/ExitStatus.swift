import ArgumentParser

/// Every exit code of the tool, defined once; `--help` and the README quote ``helpText``.
enum ExitStatus: Int32, CaseIterable {
    /// Success (for `validate`: valid, warnings allowed).
    case success = 0
    /// The input is invalid: validation found at least one error.
    case invalid = 1
    /// The command line is wrong (unknown option, bad value). ArgumentParser's own code.
    case usage = 64
    /// An input file could not be read (missing, unreadable, a directory).
    case unreadable = 66
    /// An output file could not be written, or rendering failed.
    case cannotWrite = 73

    /// The exit code as ArgumentParser takes it.
    var code: ExitCode { ExitCode(rawValue) }

    /// The table printed by `--help`.
    static let helpText = """
        Exit codes:
          0   success (validate: valid; warnings are allowed)
          1   invalid input: the body has at least one error (each is printed)
          64  usage error: unknown option or bad option value
          66  an input file cannot be read
          73  an output file cannot be written, or rendering failed
        """
}
