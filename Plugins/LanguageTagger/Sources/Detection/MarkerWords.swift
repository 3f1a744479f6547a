/// The close-pair tie-breaker of ``ClosePairWords``, keyed by word hash.
///
/// ```swift
/// markers.applyTieBreak(to: &scores, sample: sample, candidates: candidates, bonus: 4)
/// ```
struct MarkerWords: Sendable {
    /// Per group: word hash -> model language index.
    private let languageOfWord: [[UInt64: Int]]
    /// The language set of each group.
    private let groups: [LanguageMask]

    init(model: NgramModel) {
        var languageOfWord: [[UInt64: Int]] = []
        var groups: [LanguageMask] = []
        for group in ClosePairWords.groups {
            var languageWords: [UInt64: Int] = [:]
            var mask = LanguageMask()
            var seen: [String: Int] = [:]
            for (code, words) in group {
                guard let index = model.index(of: code) else { continue }
                mask.insert(index)
                for word in Set(words) { seen[word, default: 0] += 1 }
            }
            for (code, words) in group {
                guard let index = model.index(of: code) else { continue }
                // A word listed for two languages of a group says nothing; skip it.
                for word in Set(words) where seen[word] == 1 { languageWords[NgramHasher.hash(word)] = index }
            }
            groups.append(mask)
            languageOfWord.append(languageWords)
        }
        self.languageOfWord = languageOfWord
        self.groups = groups
    }

    /// When the two best candidates belong to one group, the one with more marker words in the text wins, ahead by
    /// `bonus` nats per extra marker word; with equal counts the n-gram order stands.
    func applyTieBreak(to scores: inout [Float], sample: TextSample, candidates: LanguageMask, bonus: Float) {
        var first = -1
        var second = -1
        for index in candidates.indices {
            if first < 0 || scores[index] > scores[first] {
                second = first
                first = index
            } else if second < 0 || scores[index] > scores[second] {
                second = index
            }
        }
        guard second >= 0, let groupIndex = groups.firstIndex(where: { $0.contains(first) && $0.contains(second) })
        else { return }
        let group = groups[groupIndex]
        let words = languageOfWord[groupIndex]
        var hits = [Int](repeating: 0, count: scores.count)
        sample.letters.withUnsafeBufferPointer { letters in
            sample.forEachWord { word in
                var hasher = NgramHasher()
                for position in word { hasher.append(letters[position]) }
                if let index = words[hasher.finalized], group.contains(index), candidates.contains(index) {
                    hits[index] += 1
                }
            }
        }
        // The marker words decide between the two: more hits for the runner-up puts it first.
        if hits[second] > hits[first] {
            scores[second] = scores[first] + bonus * Float(hits[second] - hits[first])
        } else if hits[first] > hits[second] {
            scores[first] += bonus * Float(hits[first] - hits[second])
        }
    }
}
