import ArgumentParser
import ClipperWorker

/// `clipper`: the media-monitoring enrichment worker and its tools.
@main
struct Clipper: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clipper",
        abstract: "Enrich news articles from Kafka with processor plugins.",
        discussion: """
            Start with `clipper demo` (embedded broker, sample articles) or `clipper process < articles.jsonl`
            (no Kafka at all). `clipper run --config Config/clipper.yaml` runs the service.
            """,
        version: PipelineIdentity.clipperVersion,
        subcommands: [
            RunCommand.self, DemoCommand.self, ProcessCommand.self, ProduceCommand.self, BrokerCommand.self,
            LintCommand.self, PrintConfigCommand.self, ConfigCommand.self, ProcessorsCommand.self, ReplayCommand.self,
            ResetOffsetsCommand.self, ReportCommand.self,
        ])
}
