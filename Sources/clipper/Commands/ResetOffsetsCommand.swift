import ArgumentParser
import ClipperWorker
import Foundation
import Logging

/// `clipper reset-offsets`: move a stopped group's committed offsets, like Kafka's `kafka-consumer-groups
/// --reset-offsets`: the plan is printed, and applied only with `--execute`.
struct ResetOffsetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-offsets",
        abstract: "Plan (and with --execute, apply) a move of a stopped consumer group's committed offsets.",
        discussion: """
            Without --execute only the plan is printed, as Kafka's own tool does. Refused: a group with live \
            members, an unknown topic or partition, an offset past a partition's end. Needs --force: a partition \
            moving back by more than its whole retained log, and a --to-time in the future.

              clipper reset-offsets --earliest
              clipper reset-offsets --to-time 2026-11-01T00:00:00Z --execute
              clipper reset-offsets --to-offset 0:1200,1:980 --group clipper --execute
            """)

    @Option(name: [.customShort("c"), .long], help: "Config file (YAML).")
    var config: String = "Config/clipper.yaml"

    @Option(name: .long, help: "Consumer group (default: the config's group_id).")
    var group: String?

    @Option(name: .long, help: "Topic (default: the config's first input topic).")
    var topic: String?

    @Flag(name: .long, help: "Reset to the earliest offsets.")
    var earliest = false

    @Flag(name: .long, help: "Reset to the high watermarks (skip everything now in the topic).")
    var latest = false

    @Option(name: .long, help: "Reset to the first record at or after this RFC 3339 time.")
    var toTime: String?

    @Option(name: .long, help: "Reset to these offsets: 1200 or 0:1200,1:980.")
    var toOffset: String?

    @Flag(name: .long, help: "Apply the plan. Without it, only the plan is printed.")
    var execute = false

    @Flag(name: .long, help: "Apply a plan that moves a partition back past its retained log, or to a future time.")
    var force = false

    /// The default now; accepted so older scripts keep working.
    @Flag(name: .long, help: .hidden)
    var dryRun = false

    func validate() throws {
        guard [earliest, latest, toTime != nil, toOffset != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --earliest, --latest, --to-time, --to-offset")
        }
        guard !(execute && dryRun) else { throw ValidationError("give --execute or --dry-run, not both") }
    }

    func run() async throws {
        let configuration = try ConfigurationLoader.load(file: URL(fileURLWithPath: config))
        LoggingBootstrap.bootstrap(format: "text", level: "warning")
        let logger = Logger(label: "clipper.reset-offsets")
        let group = group ?? configuration.kafka.groupID
        let topic = topic ?? configuration.kafka.inputTopic
        let reset = try OffsetReset(configuration: configuration, group: group, topic: topic, logger: logger)
        try await reset.ensureStopped()
        let request = try makeRequest()
        let moves = try await reset.plan(request)
        print("group \(group), topic \(topic)")
        print("partition  committed    new          log")
        for move in moves {
            print(
                String(move.partition).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + (move.committed.map(String.init) ?? "none").padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(move.new).padding(toLength: 13, withPad: " ", startingAt: 0)
                    + "\(move.low)..<\(move.high)")
        }
        let reasons = OffsetReset.needsForce(moves, request: request)
        guard execute else {
            for reason in reasons { print("needs --force: \(reason)") }
            print("plan only: nothing changed; rerun with --execute to apply it")
            return
        }
        guard reasons.isEmpty || force else {
            throw CLIError(
                reasons.joined(separator: "\n")
                    + "\nnothing changed; check the plan, then rerun with --force to apply it")
        }
        try await reset.apply(moves)
        print("offsets of \(group) moved")
    }

    func makeRequest() throws -> ReplayRequest {
        if earliest { return ReplayRequest(start: .earliest) }
        if latest { return ReplayRequest(start: .latest) }
        if let toOffset { return ReplayRequest(start: .offsets(try OffsetSpec.parse(toOffset))) }
        if let toTime { return ReplayRequest(start: .timestamp(try ReplayCommand.time(toTime, option: "--to-time"))) }
        throw ValidationError("give exactly one of --earliest, --latest, --to-time, --to-offset")
    }
}
