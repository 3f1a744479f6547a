import ClipperCore
import Foundation

/// A name found by the statistical tagger, in token and scalar offsets.
///
/// ```swift
/// TaggedSpan(firstToken: 0, tokenCount: 2, start: 0, end: 14, type: .person, confidence: 0.93)
/// ```
public struct TaggedSpan: Sendable, Hashable {
    public var firstToken: Int
    public var tokenCount: Int
    public var start: Int
    public var end: Int
    public var type: EntityType
    public var confidence: Double
}

/// One language's tagger: tokens → gazetteer and lexicon lookups → hashed features → Viterbi over BIO labels.
///
/// ```swift
/// let tagger = EntityTagger(model: model, gazetteer: gazetteer)
/// let tokens = Tokenizer.tokenize("Angela Merkel visited Paris.")
/// tagger.tag(tokens).map(\.type)  // [.person, .location]
/// ```
public final class EntityTagger: Sendable {
    public let model: PerceptronModel
    public let gazetteer: Gazetteer
    let labelTypes: [(begins: Bool, type: EntityType?)]

    public init(model: PerceptronModel, gazetteer: Gazetteer) {
        self.model = model
        self.gazetteer = gazetteer
        labelTypes = model.labels.map { label in
            let type: EntityType? =
                switch label.dropFirst(2) {
                case "PER": .person
                case "ORG": .organisation
                case "LOC": .location
                default: nil
                }
            return (label.hasPrefix("B-"), type)
        }
    }

    /// Label names per token (for parity checks against the Python decoder).
    public func labels(_ tokens: [Token]) -> [String] {
        decode(tokens).path.map { model.labels[$0] }
    }

    /// Names in `tokens`, left to right.
    public func tag(_ tokens: [Token]) -> [TaggedSpan] {
        let (path, margins) = decode(tokens)
        var spans: [TaggedSpan] = []
        var current: TaggedSpan? = nil
        var minimumMargin = Int.max
        func close() {
            if var span = current {
                span.confidence = confidence(margin: minimumMargin)
                spans.append(span)
            }
            current = nil
            minimumMargin = Int.max
        }
        for (index, label) in path.enumerated() {
            let (begins, type) = labelTypes[label]
            guard let type else {
                close()
                continue
            }
            if begins || current?.type != type {
                close()
                current = TaggedSpan(
                    firstToken: index, tokenCount: 1, start: tokens[index].start, end: tokens[index].end, type: type,
                    confidence: 0)
            } else {
                current?.tokenCount += 1
                current?.end = tokens[index].end
            }
            minimumMargin = min(minimumMargin, margins[index])
        }
        close()
        return spans
    }

    func decode(_ tokens: [Token]) -> (path: [Int], margins: [Int]) {
        let words = tokens.map(\.text)
        let gazetteerTags = gazetteer.phraseTags(words)
        let views = words.indices.map { index in
            var view = TokenView(word: words[index], classes: [], gazetteer: gazetteerTags[index])
            view.classes = gazetteer.classes(ofLowercasedBytes: view.lowerBytes)
            return view
        }
        let runs = CapitalisedRuns.find(views)
        let labelCount = model.labels.count
        var emissions = [Int](repeating: 0, count: words.count * labelCount)
        // The weight table is megabytes, so each lookup is a cache miss. Token by token, every feature hash is
        // computed and its table slot touched one token ahead of the lookups: the CPU then waits for all of a
        // token's misses at once, overlapped with the previous token's lookups, instead of one after the other.
        // Scores are unchanged.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * TokenFeatures.maximumCount) { buffer in
            emissions.withUnsafeMutableBufferPointer { scores in
                views.withUnsafeBufferPointer { views in
                    func hashes(of index: Int, into half: Int) -> UnsafeBufferPointer<UInt64> {
                        let base = half * TokenFeatures.maximumCount
                        var count = 0
                        TokenFeatures.forEach(views, runs: runs, at: index) { hash in
                            guard count < TokenFeatures.maximumCount else { return }
                            buffer[base + count] = hash
                            count += 1
                        }
                        let features = UnsafeBufferPointer(rebasing: buffer[base..<(base + count)])
                        model.touch(features)
                        return features
                    }
                    guard !words.isEmpty else { return }
                    var current = hashes(of: 0, into: 0)
                    for index in words.indices {
                        let next = index + 1 < words.count ? hashes(of: index + 1, into: (index + 1) & 1) : nil
                        let offset = index * labelCount
                        for hash in current { model.accumulate(hash, into: scores, offset: offset) }
                        if let next { current = next }
                    }
                }
            }
        }
        return ViterbiDecoder.decode(
            emissions: emissions, tokenCount: words.count, labelCount: labelCount, transitions: model.transitions)
    }

    /// Maps the weakest token's margin to 0.5…1. Margins are measured against the model's largest weight (32,000
    /// after quantization), so every model's confidences are on one scale: on German dev, correct spans have a
    /// median margin of 1.9 largest weights (confidence 0.98), wrong ones 1.0 (0.88).
    func confidence(margin: Int) -> Double {
        1 / (1 + exp(-Double(margin) / 16_000))
    }
}
