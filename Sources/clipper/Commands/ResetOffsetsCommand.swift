import ArgumentParser
import ClipperWorker
import Foundation
import Logging

/// `clipper reset-offsets`: move a stopped group's committed offsets, like Kafka Streams' reset tool.
struct ResetOffsetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-offsets",
        abstract: "Move a stopped consumer group's committed offsets to a time or offset (refuses while it has live members).",
        discussion: """
              clipper reset-offsets --earliest --dry-run
              clipper reset-offsets --to-time 2026-11-01T00:00:00Z
              clipper reset-offsets --to-offset 0:1200,1:980 --group clipper
            """)

    @Option(name: .long, help: "Config file (YAML).")
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

    @Flag(name: .long, help: "Show the plan without changing anything.")
    var dryRun = false

    func validate() throws {
        guard [earliest, latest, toTime != nil, toOffset != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --earliest, --latest, --to-time, --to-offset")
        }
    }

    func run() async throws {
        let configuration = try ConfigurationLoader.load(file: URL(fileURLWithPath: config))
        LoggingBootstrap.bootstrap(format: "text", level: "warning")
        let logger = Logger(label: "clipper.reset-offsets")
        let group = group ?? configuration.kafka.groupID
        let topic = topic ?? configuration.kafka.inputTopic
        let reset = try OffsetReset(configuration: configuration, group: group, topic: topic, logger: logger)
        try await reset.ensureStopped()
        let request: ReplayRequest
        if earliest {
            request = ReplayRequest(start: .earliest)
        } else if latest {
            request = ReplayRequest(start: .offsets(.all(Int64.max)))
        } else if let toOffset {
            request = ReplayRequest(start: .offsets(try OffsetSpec.parse(toOffset)))
        } else if let toTime {
            request = ReplayRequest(start: .timestamp(try ReplayCommand.time(toTime, option: "--to-time")))
        } else {
            throw ValidationError("give exactly one of --earliest, --latest, --to-time, --to-offset")
        }
        let moves = try await reset.plan(request)
        print("group \(group), topic \(topic)")
        print("partition  committed    new")
        for move in moves {
            print(String(move.partition).padding(toLength: 11, withPad: " ", startingAt: 0)
                + (move.committed.map(String.init) ?? "none").padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(move.new))
        }
        if dryRun {
            print("dry run: nothing changed")
            return
        }
        try await reset.apply(moves)
        print("offsets of \(group) moved")
    }
}
