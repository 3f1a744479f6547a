import Foundation

@testable import Deduplicator

/// Deterministic made-up stories for the tests: paragraphs of words drawn from a fixed vocabulary by a seed, so
/// different seeds give unrelated texts and the same seed the same text.
enum TestCorpus {
    static let vocabulary: [String] = {
        var state: UInt64 = 7
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<5000).map { _ in
            state = StableHash.mix(state)
            let length = 3 + Int(state % 7)
            return String((0..<length).map { offset in letters[Int((state >> (offset * 5 + 8)) % 26)] })
        }
    }()

    /// `count` paragraphs of `words` words each, from `seed`.
    static func paragraphs(seed: UInt64, count: Int, words: Int = 40) -> [String] {
        var state = seed &* 0x9e37_79b9_7f4a_7c15 &+ 1
        return (0..<count).map { _ in
            (0..<words).map { _ in
                state = StableHash.mix(state)
                return vocabulary[Int(state % UInt64(vocabulary.count))]
            }.joined(separator: " ").capitalized + "."
        }
    }

    static func story(seed: UInt64, paragraphs count: Int = 8) -> String {
        paragraphs(seed: seed, count: count).joined(separator: "\n\n")
    }

    static func tempDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "dedup-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension SQLiteDedupStore {
    /// Inserts a body-only document from `source`.
    func add(_ docID: String, _ body: String, title: String? = nil, source: String = "wire") throws -> DedupVerdict {
        try insertAndQuery(PreparedDocument(docID: docID, sourceKey: source, title: title, body: body))
    }
}
