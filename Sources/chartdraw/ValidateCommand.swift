import ArgumentParser

/// `chartdraw validate`: every problem of a body, each with its JSON path and code.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Validate request bodies before upload.")
    func run() throws {}
}
