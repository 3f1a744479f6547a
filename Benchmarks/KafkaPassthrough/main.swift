// Kafka passthrough benchmark, Swift side: consume `--input` as a group member, forward every record unchanged to
// `--output` through KafkaPipeline (idempotent acks=all producer, offsets stored after delivery), and report
// messages per second from the first consumed record to the last delivery. The C twin is passthrough.c.
//
//   KafkaPassthroughBenchmark --brokers 127.0.0.1:9092 --input bench.in --output bench.out.swift --count 200000
import ClipperKafka
import Foundation
import Logging
import Synchronization

struct Options {
    var brokers = "127.0.0.1:9092"
    var input = "bench.in"
    var output = "bench.out.swift"
    var group = "bench-swift"
    var count = 200_000
    var linger = 5
    var laneCapacity = PipelineLimits().laneCapacity
    var laneResume: Int? = nil
    var consumerProperties: [String: String] = [:]

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            let value = iterator.next() ?? ""
            switch flag {
            case "--brokers": brokers = value
            case "--input": input = value
            case "--output": output = value
            case "--group": group = value
            case "--count": count = Int(value) ?? count
            case "--linger": linger = Int(value) ?? linger
            case "--lane-capacity": laneCapacity = Int(value) ?? laneCapacity
            case "--lane-resume": laneResume = Int(value)
            case "--consumer-property":
                let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { consumerProperties[parts[0]] = parts[1] }
            default:
                FileHandle.standardError.write(Data("unknown flag \(flag)\n".utf8))
                exit(2)
            }
        }
    }
}

final class Clock: Sendable {
    let start = Atomic<Int64>(0)
    static func nanos() -> Int64 { Int64(DispatchTime.now().uptimeNanoseconds) }
}

let options = Options(CommandLine.arguments)
var logger = Logger(label: "bench.swift")
logger.logLevel = .warning
let client = KafkaClientSettings(bootstrapServers: options.brokers, clientID: "bench-swift")
var consumerClient = client
consumerClient.properties = options.consumerProperties
var consumer = ConsumerSettings(client: consumerClient, groupID: options.group)
consumer.sessionTimeout = .seconds(6)
consumer.heartbeatInterval = .seconds(2)
consumer.statisticsInterval = nil
var producer = ProducerSettings(client: client)
producer.linger = .milliseconds(options.linger)
producer.statisticsInterval = nil

var limits = PipelineLimits(laneCapacity: options.laneCapacity)
limits.laneResumeThreshold = options.laneResume
let pipeline = try KafkaPipeline(
    consumer: consumer, producer: producer, source: .subscribe(topics: [options.input]),
    limits: limits, logger: logger)
let clock = Clock()
let output = options.output
let total = options.count
let finished = Atomic<Int64>(0)

try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask {
        try await pipeline.run(
            process: { record in
                if clock.start.load(ordering: .relaxed) == 0 {
                    _ = clock.start.compareExchange(expected: 0, desired: Clock.nanos(), ordering: .relaxed)
                }
                return .produce([
                    OutgoingRecord(topic: output, key: record.key, value: record.value, headers: record.headers)
                ])
            },
            deliveryFailed: { _, _, error in
                FileHandle.standardError.write(Data("delivery failed: \(error)\n".utf8))
                return nil
            })
    }
    group.addTask {
        while pipeline.status.produced < total { try await Task.sleep(for: .milliseconds(1)) }
        finished.store(Clock.nanos(), ordering: .relaxed)
        let status = pipeline.status
        FileHandle.standardError.write(
            Data("swift: \(status.pauses) partition pauses, \(status.resumes) resumes\n".utf8))
        pipeline.shutdown()
    }
    try await group.waitForAll()
}

let seconds = Double(finished.load(ordering: .relaxed) - clock.start.load(ordering: .relaxed)) / 1e9
print(String(format: "swift: %d messages in %.3f s = %.0f msg/s", total, seconds, Double(total) / seconds))
