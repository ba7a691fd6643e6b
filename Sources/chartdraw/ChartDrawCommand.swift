import ArgumentParser
import ChartDraw

/// The `chartdraw` command: validate, serialise and render Chart Analysis bodies.
@main
struct ChartDrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chartdraw",
        abstract: "Validate, serialise, render and follow up Returning.AI chart analyses.",
        discussion: ExitStatus.helpText + "\n\n" + ResourceLimits.standard.summary,
        version: ChartDrawVersion.string,
        subcommands: [
            PayloadCommand.self, ValidateCommand.self, RenderCommand.self, EvaluateCommand.self, ServeCommand.self,
            APICommand.self, SandboxCommand.self,
        ]
    )
}
