// EntityExtractorTool: evaluation and benchmark driver for the `entities` processor.
//
//   EntityExtractorTool tag   <input.jsonl> [--language CODE] [--raw] [--config-dir DIR] [--watchlist FILE]
//                                                    # JSONL out: spans + the language's tagger labels
//   EntityExtractorTool bench <input.jsonl> [--repeat N] [--load-all]              # one JSON line: tokens/s, RSS
//
// A "lang" field on an input line sets that article's language (as the `language` processor would);
// `--load-all` loads every tagger model before measuring, for the all-models RSS figure. `--raw` sets
// `precision_first: false` (no confidence floors, no weak-language fallback), for the floor sweep.
//
// Input lines are JSON objects with "id" and "text" (the dev-set format). Each text is processed as the body
// of an article, through the real processor.
import ClipperCore
import EntityExtractor
import Foundation

struct ToolError: Error, CustomStringConvertible {
    var description: String
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func readInputs(_ path: String) throws -> [(id: String, text: String, language: String?)] {
    let content = try String(contentsOfFile: path, encoding: .utf8)
    return try content.split(separator: "\n").map { line in
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let text = object["text"] as? String
        else { throw ToolError(description: "\(path): every line needs a \"text\" string") }
        return ("\(object["id"] ?? "")", text, object["lang"] as? String)
    }
}

func makeProcessor(_ arguments: [String]) throws -> EntityExtractorProcessor {
    let directory = option("--config-dir", in: arguments) ?? FileManager.default.currentDirectoryPath
    let configuration = EntityExtractorProcessor.Configuration(
        watchlist: option("--watchlist", in: arguments) ?? "",
        defaultLanguage: option("--language", in: arguments) ?? "en",
        fields: ["title", "description", "body"], minConfidence: 0, gazetteerMinPopulation: 100_000,
        maxFieldChars: 1_000_000, precisionFirst: !arguments.contains("--raw"))
    return try EntityExtractorProcessor(
        configuration: configuration,
        environment: ProcessorEnvironment(configDirectory: URL(fileURLWithPath: directory)))
}

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

func tag(_ arguments: [String]) async throws {
    let processor = try makeProcessor(arguments)
    let language = option("--language", in: arguments) ?? "en"
    let tagger = try LanguageSupport.for(language).taggerModel.map { try ModelResources.shared().tagger(model: $0) }
    for input in try readInputs(arguments[1]) {
        var article = Article(raw: RawArticle(id: input.id.isEmpty ? "x" : input.id, body: input.text))
        _ = try await processor.process(&article, context: ProcessorContext())
        let spans: [[Any]] = (article.entities ?? []).flatMap { entity -> [[Any]] in
            entity.mentions.map { mention -> [Any] in
                [mention.start, mention.end, entity.type.rawValue, entity.confidence ?? 1, entity.id != nil]
            }
        }
        let labels = tagger?.labels(Tokenizer.tokenize(input.text)) ?? []
        let line = try JSONSerialization.data(
            withJSONObject: ["id": input.id, "spans": spans, "labels": labels], options: [.sortedKeys])
        FileHandle.standardOutput.write(line + Data("\n".utf8))
    }
}

func bench(_ arguments: [String]) async throws {
    let loadStart = ContinuousClock.now
    let processor = try makeProcessor(arguments)
    if arguments.contains("--load-all") {
        for model in LanguageSupport.modelNames { _ = try ModelResources.shared().tagger(model: model) }
    }
    let loadTime = ContinuousClock.now - loadStart
    let inputs = try readInputs(arguments[1])
    let repeats = Int(option("--repeat", in: arguments) ?? "3") ?? 3
    let tokens = inputs.reduce(0) { $0 + Tokenizer.tokenize($1.text).count }
    var mentions = 0
    let start = ContinuousClock.now
    for _ in 0..<repeats {
        for input in inputs {
            var article = Article(raw: RawArticle(id: "b", body: input.text))
            article.language = input.language.map { LanguageTag(code: $0, confidence: 1, detector: "bench") }
            _ = try await processor.process(&article, context: ProcessorContext())
            mentions += article.entities?.count ?? 0
        }
    }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let load = Double(loadTime.components.seconds) + Double(loadTime.components.attoseconds) / 1e18
    let report: [String: Any] = [
        "docs": inputs.count * repeats, "own_tokens": tokens * repeats, "seconds": seconds,
        "seconds_per_pass": seconds / Double(repeats), "load_seconds": load, "rss_mb": residentMegabytes(),
        "entities": mentions,
    ]
    let line = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    FileHandle.standardOutput.write(line + Data("\n".utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "tag" where arguments.count >= 2: try await tag(arguments)
    case "bench" where arguments.count >= 2: try await bench(arguments)
    default:
        throw ToolError(
            description: "usage: EntityExtractorTool tag|bench <input.jsonl> [--language CODE] [--config-dir DIR] "
                + "[--watchlist FILE] [--repeat N]")
    }
} catch {
    FileHandle.standardError.write(Data("EntityExtractorTool: \(error)\n".utf8))
    exit(1)
}
