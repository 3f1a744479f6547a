import ArgumentParser
import ClipperCatalog
import ClipperCore
import ClipperWorker
import Foundation

/// `clipper process`: raw-article JSONL in, enriched JSONL out, no Kafka.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Enrich raw-article JSONL from stdin (or --input) to stdout, without Kafka.",
        discussion: """
            One output line per input line, in input order. A line that cannot be processed prints `null` on stdout \
            (so lines stay aligned) and the reason on stderr; processing goes on. Blank lines print `null` too, and a \
            line over worker.max_record_bytes is rejected as oversize as soon as it passes the limit, without being \
            read into memory. Uses the same chain and config as the worker.

              clipper process --processors normalize,language < Config/samples/articles.jsonl
            """)

    @OptionGroup var chainOptions: ChainOptions

    @Option(name: .long, help: "Input file (default: stdin).")
    var input: String?

    func run() async throws {
        var configuration = try chainOptions.loadConfiguration()
        configuration.log.level = "warning"
        LoggingBootstrap.bootstrap(format: "text", level: configuration.log.level)
        let chain = try ProcessorCatalog.builtIn.makeChain(
            configuration.processors, environment: configuration.processorEnvironment)
        let pipeline = ArticlePipeline(
            chain: chain,
            identity: PipelineIdentity(
                workerID: configuration.worker.workerID, chain: chain, specs: configuration.processors),
            maxRecordBytes: configuration.worker.maxRecordBytes)
        let limit = configuration.worker.maxRecordBytes
        let reader = try LineReader(path: input, maxLineBytes: limit)
        let output = FileHandle.standardOutput
        var lineNumber: Int64 = 0
        var counts = (ok: 0, failed: 0, dropped: 0)
        while let next = reader.next() {
            lineNumber += 1
            let line: Data
            switch next {
            case .oversize(let bytes):
                output.write(Data("null\n".utf8))
                Self.warn(
                    "line \(lineNumber): oversize: the line is \(bytes) bytes, over worker.max_record_bytes = "
                        + "\(limit); raise the limit or split the record")
                counts.failed += 1
                continue
            case .text where next.isBlank:
                output.write(Data("null\n".utf8))
                Self.warn("line \(lineNumber): blank line; expected one JSON article per line")
                counts.failed += 1
                continue
            case .text(let bytes):
                line = bytes
            }
            let record = InputRecord(value: line, topic: input ?? "stdin", partition: 0, offset: lineNumber - 1)
            switch await pipeline.handle(record) {
            case .publish(let enriched):
                output.write(enriched.value + Data([0x0A]))
                counts.ok += 1
            case .deadLetter(let letter):
                output.write(Data("null\n".utf8))
                Self.warn(
                    "line \(lineNumber): \(letter.reason.rawValue)"
                        + (letter.processor.map { " in \($0)" } ?? "") + ": \(letter.error)")
                counts.failed += 1
            case .drop(let processor, let reason):
                output.write(Data("null\n".utf8))
                Self.warn("line \(lineNumber): dropped by \(processor): \(reason)")
                counts.dropped += 1
            case .halt(let failure):
                Self.warn("line \(lineNumber): \(failure); stopping (policy then: fail)")
                throw ExitCode(3)
            }
        }
        Self.warn("processed \(counts.ok), failed \(counts.failed), dropped \(counts.dropped)")
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("clipper process: \(message)\n".utf8))
    }
}
