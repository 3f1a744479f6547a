// LanguageTaggerTool: evaluation and benchmark driver for the language tagger.
//
// Reads `code<TAB>text` lines (or bare text lines) from the files given (or stdin) and prints one line per input:
// `gold<TAB>predicted<TAB>confidence`. Timing and memory go to stderr as `key=value` pairs:
//   texts=12213 seconds=0.21 texts_per_second=58000 peak_rss_mb=31.2 load_ms=0.4
//
// Options:
//   --languages en,de,fr      restrict the language set
//   --model PATH              use another model file (default: the bundled one)
//   --repeat N                run the texts N times and report the best pass (benchmarks)
//   --quiet                   print no predictions (benchmarks)
//   --max-chars N             cap per text (default 1000, the processor's default)
//   --unseen 14,10,9,8,8 --foreign 6 --bonus 4 --long-letters 120 --long-orders 3-3 --short-orders 1-5
//                             tuning experiments (see DetectorTuning)
import Foundation
import LanguageTagger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct ToolOptions {
    var files: [String] = []
    var languages: [String]?
    var modelPath: String?
    var repeatCount = 1
    var quiet = false
    var maxChars = 1000
    var tuning = DetectorTuning()

    init(arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let value = iterator.next() else { throw ToolError("\(flag) needs a value") }
            return value
        }
        func orders(_ text: String) throws -> ClosedRange<Int> {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 1, parts[1] <= 5, parts[0] <= parts[1] else {
                throw ToolError("orders look like 1-5, got \(text)")
            }
            return parts[0]...parts[1]
        }
        while let argument = iterator.next() {
            switch argument {
            case "--languages": languages = try value(argument).split(separator: ",").map(String.init)
            case "--model": modelPath = try value(argument)
            case "--repeat": repeatCount = max(1, Int(try value(argument)) ?? 1)
            case "--quiet": quiet = true
            case "--max-chars": maxChars = Int(try value(argument)) ?? 1000
            case "--unseen": tuning.unseenCost = try value(argument).split(separator: ",").compactMap { Float($0) }
            case "--foreign": tuning.foreignCharacterCost = Float(try value(argument)) ?? 0
            case "--bonus": tuning.markerWordBonus = Float(try value(argument)) ?? 0
            case "--margin": tuning.decisiveMargin = Float(try value(argument)) ?? 0
            case "--temperature": tuning.temperature = Float(try value(argument)) ?? 1
            case "--long-letters": tuning.longTextLetters = Int(try value(argument)) ?? 120
            case "--long-orders": tuning.longTextOrders = try orders(try value(argument))
            case "--short-orders": tuning.shortTextOrders = try orders(try value(argument))
            case "--help", "-h":
                print("usage: LanguageTaggerTool [options] [file.tsv ...]  (see the header of Tool/main.swift)")
                exit(0)
            default:
                if argument.hasPrefix("--") { throw ToolError("unknown option \(argument); try --help") }
                files.append(argument)
            }
        }
        guard tuning.unseenCost.count == 5 else { throw ToolError("--unseen needs five comma-separated numbers") }
    }
}

struct ToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reads `code<TAB>text` (or bare text) lines.
func readItems(_ files: [String]) throws -> [(gold: String, text: String)] {
    var contents: [String] = []
    if files.isEmpty {
        contents.append(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
    } else {
        for file in files { contents.append(try String(contentsOfFile: file, encoding: .utf8)) }
    }
    var items: [(gold: String, text: String)] = []
    for content in contents {
        for line in content.split(separator: "\n", omittingEmptySubsequences: true) {
            if let tab = line.firstIndex(of: "\t") {
                items.append((String(line[..<tab]), String(line[line.index(after: tab)...])))
            } else {
                items.append(("", String(line)))
            }
        }
    }
    return items
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(Linux)
        return Double(usage.ru_maxrss) / 1024
    #else
        return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

do {
    let options = try ToolOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    let items = try readItems(options.files)
    let loadStart = now()
    let model =
        try options.modelPath.map { try NgramModel(contentsOf: URL(fileURLWithPath: $0)) } ?? NgramModel.bundled()
    let detector = try LanguageDetector(model: model, languages: options.languages, tuning: options.tuning)
    let loadSeconds = now() - loadStart
    var guesses: [LanguageGuess] = []
    guesses.reserveCapacity(items.count)
    var best = Double.infinity
    for _ in 0..<options.repeatCount {
        guesses.removeAll(keepingCapacity: true)
        let start = now()
        for item in items { guesses.append(detector.detect(item.text, maxCharacters: options.maxChars)) }
        best = min(best, now() - start)
    }
    if !options.quiet {
        var output = ""
        for (item, guess) in zip(items, guesses) {
            output += "\(item.gold)\t\(guess.code)\t\(String(format: "%.4f", guess.confidence))\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
    let rate = Double(items.count) / max(best, 1e-9)
    FileHandle.standardError.write(
        Data(
            String(
                format: "texts=%d seconds=%.4f texts_per_second=%.0f peak_rss_mb=%.1f load_ms=%.2f\n",
                items.count, best, rate, peakResidentMegabytes(), loadSeconds * 1000
            ).utf8))
} catch {
    FileHandle.standardError.write(Data("LanguageTaggerTool: \(error)\n".utf8))
    exit(1)
}
