import ArgumentParser

/// `chartdraw payload create|update|append FILE|-`: print the canonical body.
struct PayloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payload", abstract: "Read a request body and print its canonical form.")
    func run() throws {}
}
