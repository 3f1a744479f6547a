// Chain benchmark: microseconds per article for each processor and for the whole `clipper process` path
// (decode, chain, encode), on the current thread's core. `make bench` runs it; see Benchmarks/README.md.
//
//   ChainBenchmark --config Config/clipper.yaml --input .build/bench/corpus.jsonl --passes 3
//
// Prints one JSON object on stdout: start-up seconds (chain built and every model the corpus needs loaded),
// and, from the fastest pass, µs/article per processor and for the whole path.
import ClipperCatalog
import ClipperCore
import ClipperWorker
import Foundation
import Synchronization

/// Adds up each processor's attempt time, in seconds, by processor name.
final class TimingObserver: ChainObserver {
    private let totals = Mutex<[String: Double]>([:])

    func processorStarted(_ name: String, token: ProcessorRunToken) {}

    func processorFinished(_ name: String, token: ProcessorRunToken, status: ProcessorRunStatus, seconds: Double) {
        totals.withLock { $0[name, default: 0] += seconds }
    }

    func snapshot() -> [String: Double] { totals.withLock { $0 } }
}

struct Options {
    var config = "Config/clipper.yaml"
    var input = ".build/bench/corpus.jsonl"
    var passes = 3

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            switch flag {
            case "--config": config = iterator.next() ?? config
            case "--input": input = iterator.next() ?? input
            case "--passes": passes = iterator.next().flatMap(Int.init) ?? passes
            default:
                FileHandle.standardError.write(Data("ChainBenchmark: unknown flag \(flag)\n".utf8))
                exit(2)
            }
        }
    }
}

struct PassResult {
    var seconds: Double
    var processorSeconds: [String: Double]
    var published: Int
}

func runPass(_ lines: [Data], configuration: ClipperConfiguration) async throws -> PassResult {
    var configuration = configuration
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("chain-bench-\(UUID().uuidString)")
    configuration.worker.stateDirectory = state.path
    defer { try? FileManager.default.removeItem(at: state) }
    let observer = TimingObserver()
    let chain = try ProcessorCatalog.builtIn.makeChain(
        configuration.processors, environment: configuration.processorEnvironment, observer: observer)
    let pipeline = ArticlePipeline(
        chain: chain,
        identity: PipelineIdentity(workerID: "bench", chain: chain, specs: configuration.processors),
        maxRecordBytes: configuration.worker.maxRecordBytes)
    var published = 0
    let started = ContinuousClock.now
    for (offset, line) in lines.enumerated() {
        let record = InputRecord(value: line, topic: "bench", partition: 0, offset: Int64(offset))
        if case .publish = await pipeline.handle(record) { published += 1 }
    }
    let seconds = (ContinuousClock.now - started).benchSeconds
    return PassResult(seconds: seconds, processorSeconds: observer.snapshot(), published: published)
}

extension Duration {
    var benchSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

let options = Options(arguments: CommandLine.arguments)
guard let text = try? String(contentsOfFile: options.input, encoding: .utf8) else {
    FileHandle.standardError.write(Data("ChainBenchmark: cannot read \(options.input); run make bench\n".utf8))
    exit(2)
}
let lines = text.split(separator: "\n").map { Data($0.utf8) }
let startClock = ContinuousClock.now
var configuration = try ConfigurationLoader.load(file: URL(fileURLWithPath: options.config), catalog: .builtIn)
configuration.log.level = "error"
// Start-up: the chain built and every model the corpus needs loaded (one article per distinct source).
var seenSources = Set<Data>()
let warmUp = lines.filter { line in
    let key = Data(line.prefix(200).split(separator: UInt8(ascii: ",")).prefix(4).joined())
    return seenSources.insert(key).inserted
}
_ = try await runPass(Array(warmUp.prefix(64)), configuration: configuration)
let startup = (ContinuousClock.now - startClock).benchSeconds

var best: PassResult?
for _ in 0..<max(1, options.passes) {
    let result = try await runPass(lines, configuration: configuration)
    if best == nil || result.seconds < (best?.seconds ?? .infinity) { best = result }
}
guard let best else { exit(1) }
let count = Double(lines.count)
var report: [String: Any] = [
    "articles": lines.count,
    "published": best.published,
    "startup_s": startup,
    "chain_us": best.seconds / count * 1e6,
    "articles_per_s": count / best.seconds,
]
var processors: [String: Double] = [:]
for spec in configuration.processors {
    processors[spec.name] = (best.processorSeconds[spec.name] ?? 0) / count * 1e6
}
report["processor_us"] = processors
report["order"] = configuration.processors.map(\.name)
let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
FileHandle.standardOutput.write(json + Data([0x0A]))
