import Foundation

/// `DeduplicatorTool`: the evaluation and benchmark driver behind `Plugins/Deduplicator/scripts/`.
///
/// ```
/// DeduplicatorTool pairs  dev_pairs.jsonl          # one JSON line per pair: fresh state, a then b
/// DeduplicatorTool index  dev_pairs.jsonl          # one JSON line per distinct doc: its cluster_id
/// DeduplicatorTool bench  dev_pairs.jsonl [ROUNDS] # insert+query docs/s on an on-disk state, disk per doc
/// DeduplicatorTool window DOCS                     # resident memory and disk per document for a DOCS window
/// DeduplicatorTool stores dev_pairs.jsonl [STREAM_DOCS] [CONCURRENCY]  # SQLite vs PostgreSQL: docs/s, p99 ms
/// ```
let arguments = CommandLine.arguments.dropFirst()
let usage =
    "usage: DeduplicatorTool pairs|index|bench FILE [ROUNDS] | window DOCS | stores FILE [STREAM_DOCS] [CONCURRENCY]"

do {
    switch arguments.first {
    case "pairs":
        guard let path = arguments.dropFirst().first else { throw ToolError(usage) }
        try PairMode.run(pairs: try DevPairs.load(path))
    case "index":
        guard let path = arguments.dropFirst().first else { throw ToolError(usage) }
        try IndexMode.run(pairs: try DevPairs.load(path))
    case "bench":
        guard let path = arguments.dropFirst().first else { throw ToolError(usage) }
        let rounds = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 3
        try Bench.throughput(pairs: try DevPairs.load(path), rounds: rounds)
    case "profile":
        guard let path = arguments.dropFirst().first else { throw ToolError(usage) }
        try Profile.run(pairs: try DevPairs.load(path))
    case "window":
        guard let count = arguments.dropFirst().first.flatMap({ Int($0) }) else { throw ToolError(usage) }
        try Bench.window(documents: count)
    case "stores":
        guard let path = arguments.dropFirst().first else { throw ToolError(usage) }
        let stream = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 100_000
        let concurrency = arguments.dropFirst(3).first.flatMap { Int($0) } ?? 8
        try await StoreBench.run(pairs: try DevPairs.load(path), streamDocuments: stream, concurrency: concurrency)
    default:
        throw ToolError(usage)
    }
} catch {
    FileHandle.standardError.write(Data("DeduplicatorTool: \(error)\n".utf8))
    exit(2)
}
