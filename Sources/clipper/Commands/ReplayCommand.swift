import ArgumentParser
import ClipperCatalog
import ClipperWorker
import Foundation
import Logging

/// `clipper replay`: reprocess a range of the input topic into a chosen topic, without touching the live group.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Reprocess a range of the input topic into a chosen output topic, with progress and a summary.",
        discussion: """
            Start: --earliest, --from-offset SPEC or --from TIME. End: the high watermarks captured at start \
            (default), --until-offset SPEC or --until TIME (both exclusive). SPEC is one offset for every partition \
            (1200) or partition:offset pairs (0:1200,1:980); TIME is RFC 3339 (2026-11-01T00:00:00Z). Uses its own \
            consumer identity and commits nothing, so live workers are undisturbed. Records carry processing.replay \
            and keep their doc_id. Exit 0 when every partition reached its end.

            Refused, with the reason: a --from in the future or not before --until, a --from-offset after \
            --until-offset, an offset past a partition's end, a partition or topic that does not exist (topics are \
            never auto-created), and --output equal to the input topic. --to and --to-offset still work as old names \
            of --until and --until-offset, for one release.

              clipper replay --earliest --output articles.enriched.v2
              clipper replay --from 2026-11-01T00:00:00Z --until 2026-11-02T00:00:00Z --output t --dry-run
            """)

    @Option(name: [.customShort("c"), .long], help: "Config file (YAML).")
    var config: String = "Config/clipper.yaml"

    @Option(name: .long, help: "Input topic to replay (default: the config's first input topic).")
    var topic: String?

    @Flag(name: .long, help: "Start at the earliest offset of every partition.")
    var earliest = false

    @Option(name: .long, help: "Start offsets: 1200 or 0:1200,1:980.")
    var fromOffset: String?

    @Option(name: .long, help: "Start time, RFC 3339.")
    var from: String?

    @Option(name: .long, help: "Exclusive end offsets: 5000 or 0:5000,1:4000.")
    var untilOffset: String?

    @Option(name: .long, help: "End time (exclusive), RFC 3339.")
    var until: String?

    /// The old name of --until-offset, kept hidden for one release.
    @Option(name: .customLong("to-offset"), help: .hidden)
    var legacyToOffset: String?

    /// The old name of --until, kept hidden for one release.
    @Option(name: .customLong("to"), help: .hidden)
    var legacyTo: String?

    var endOffset: String? { untilOffset ?? legacyToOffset }
    var endTime: String? { until ?? legacyTo }

    @Option(name: .long, help: "Output topic for the enriched records.")
    var output: String

    @Option(name: .long, help: "Replay id stamped into processing.replay (default: replay-<UTC time>).")
    var replayID: String?

    @Option(name: .long, help: "Processors to run, comma-separated (default: the config's chain).")
    var processors: String?

    @Flag(name: .long, help: "Print the plan (start, end and records per partition) and exit.")
    var dryRun = false

    func validate() throws {
        let starts = [earliest, fromOffset != nil, from != nil].filter { $0 }.count
        guard starts == 1 else { throw ValidationError("give exactly one of --earliest, --from-offset, --from") }
        let ends = [untilOffset, legacyToOffset, until, legacyTo].compactMap { $0 }.count
        guard ends <= 1 else { throw ValidationError("give at most one of --until-offset, --until") }
    }

    func run() async throws {
        var configuration = try ChainOptions.parse(
            ["--config", config] + (processors.map { ["--processors", $0] } ?? [])
        )
        .loadConfiguration()
        configuration.log.level = "warning"
        LoggingBootstrap.bootstrap(format: "text", level: configuration.log.level)
        let logger = Logger(label: "clipper.replay")
        let request = try makeRequest()
        try request.check(startOption: "--from", endOption: "--until")
        let inputTopic = topic ?? configuration.kafka.inputTopic
        guard output != inputTopic else {
            throw CLIError(
                "--output \(output) is the topic being replayed: the replay would read its own records; "
                    + "write to another topic, e.g. --output \(inputTopic).replay")
        }
        configuration.kafka.inputTopics = [inputTopic]
        let plan = try await ReplayPlanner(configuration: configuration, logger: logger).plan(
            request, topic: inputTopic)
        print("replay plan for \(inputTopic) → \(output)")
        print(plan.table)
        if dryRun { return }

        let id = replayID ?? "replay-" + Timestamps.rfc3339(Date()).replacingOccurrences(of: ":", with: "")
        let terminal = isatty(STDERR_FILENO) == 1
        let renderer = ProgressPrinter(terminal: terminal)
        let summary = try await ReplayRunner(
            configuration: configuration, plan: plan, outputTopic: output, replayID: id, catalog: .builtIn,
            logger: logger
        ).run { progress in renderer.show(progress) }
        renderer.finish()
        print(summary.table)
        guard summary.complete else {
            throw CLIError("not every partition reached its end offset; rerun with the same plan")
        }
    }

    func makeRequest() throws -> ReplayRequest {
        let start: ReplayRequest.Start
        if earliest {
            start = .earliest
        } else if let fromOffset {
            start = .offsets(try OffsetSpec.parse(fromOffset))
        } else if let from {
            start = .timestamp(try Self.time(from, option: "--from"))
        } else {
            throw ValidationError("give exactly one of --earliest, --from-offset, --from")
        }
        let end: ReplayRequest.End
        if let endOffset {
            end = .offsets(try OffsetSpec.parse(endOffset))
        } else if let endTime {
            end = .timestamp(try Self.time(endTime, option: "--until"))
        } else {
            end = .capturedHighWatermarks
        }
        return ReplayRequest(start: start, end: end)
    }

    static func time(_ text: String, option: String) throws -> Date {
        guard let date = Timestamps.parse(text) else {
            throw ValidationError("\(option) \(text) is not an RFC 3339 time; write e.g. 2026-11-01T00:00:00Z")
        }
        return date
    }
}
