import Deduplicator
import Foundation

/// Speed, memory and disk figures.
enum Bench {
    /// Insert+query every distinct dev document into a fresh on-disk state (text in, verdict out, committed);
    /// best of `rounds`. Prints one JSON line.
    static func throughput(pairs: DevPairs, rounds: Int) throws {
        let documents = pairs.distinctDocuments
        var best = Double.infinity
        var bestCPU = Double.infinity
        var diskPerDocument = 0
        for _ in 0..<max(rounds, 1) {
            let file = temporaryStateFile()
            defer { removeState(file) }
            var elapsed = Duration.zero
            do {
                let index = try SQLiteDedupStore(fileURL: file, settings: DedupSettings())
                let start = ContinuousClock.now
                let startCPU = processCPUSeconds()
                for document in documents { _ = try index.insertAndQuery(PreparedDocument(document)) }
                bestCPU = min(bestCPU, processCPUSeconds() - startCPU)
                elapsed = ContinuousClock.now - start
            }  // closed: SQLite folds the write-ahead log into the database file

            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
            diskPerDocument = directorySize(file.deletingLastPathComponent()) / documents.count
        }
        emit([
            "system": "clipper-dedup", "documents": documents.count, "seconds": best,
            "docs_per_s": Double(documents.count) / best, "disk_bytes_per_doc": diskPerDocument,
            "cpu_seconds": bestCPU, "docs_per_cpu_s": Double(documents.count) / bestCPU,
        ])
    }

    /// Fills a window of `documents` synthetic 700-word articles (random words from a 20,000-word vocabulary, so
    /// no two are alike and every one is indexed) and reports the growth of resident memory and of the state
    /// folder per document.
    static func window(documents: Int) throws {
        let file = temporaryStateFile()
        defer { removeState(file) }
        var settings = DedupSettings()
        settings.maxDocuments = documents
        var generator = SplitMixGenerator(seed: 42)
        let vocabulary = (0..<20_000).map { _ in SyntheticText.word(using: &generator) }
        let before = residentBytes()
        let start = ContinuousClock.now
        // The store lives in this closure only: when it returns, the store is closed and SQLite folds the
        // write-ahead log into the database file before its size is measured.
        let (cacheEntries, after, elapsed) = try { () throws -> (Int, Int, Duration) in
            let index = try SQLiteDedupStore(fileURL: file, settings: settings)
            for number in 0..<documents {
                let body = SyntheticText.article(words: 700, vocabulary: vocabulary, using: &generator)
                _ = try index.insertAndQuery(
                    PreparedDocument(docID: "synthetic-\(number)", sourceKey: "synthetic", title: nil, body: body))
            }
            return (index.cachedBucketCount, residentBytes(), ContinuousClock.now - start)
        }()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        emit([
            "documents": documents, "rss_before": before, "rss_after": after,
            "rss_bytes_per_doc": (after - before) / max(documents, 1),
            "disk_bytes_per_doc": directorySize(file.deletingLastPathComponent()) / max(documents, 1),
            "cache_entries": cacheEntries, "docs_per_s": Double(documents) / seconds,
        ])
    }
}

/// Deterministic random numbers for synthetic text.
struct SplitMixGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Random words and paragraphs.
enum SyntheticText {
    static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    static func word(using generator: inout SplitMixGenerator) -> String {
        String(
            (0..<Int.random(in: 3...9, using: &generator)).map { _ in
                letters[Int.random(in: 0..<letters.count, using: &generator)]
            })
    }

    static func article(words: Int, vocabulary: [String], using generator: inout SplitMixGenerator) -> String {
        var text = ""
        for number in 0..<words {
            text += vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)]
            text += number % 90 == 89 ? ".\n\n" : " "
        }
        return text
    }
}

/// Where the time goes: preparation alone, then insert+query on an in-memory and on an on-disk state.
enum Profile {
    static func run(pairs: DevPairs) throws {
        let documents = pairs.distinctDocuments
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        let prepare = seconds { for document in documents { _ = PreparedDocument(document) } }
        let prepared = documents.map(PreparedDocument.init)
        let memory = try SQLiteDedupStore(fileURL: nil, settings: DedupSettings())
        let inMemory = try seconds { for document in prepared { _ = try memory.insertAndQuery(document) } }
        let file = temporaryStateFile()
        defer { removeState(file) }
        let disk = try SQLiteDedupStore(fileURL: file, settings: DedupSettings())
        let onDisk = try seconds { for document in prepared { _ = try disk.insertAndQuery(document) } }
        emit(["prepare_s": prepare, "insert_memory_s": inMemory, "insert_disk_s": onDisk, "documents": documents.count])
    }
}

/// CPU time (user + system) this process has used: the share of a core it really got on a busy machine.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
