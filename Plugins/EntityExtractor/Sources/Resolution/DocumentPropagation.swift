import ClipperCore

/// Document-level consistency: once the tagger has found "Vladimir Putin" somewhere in an article, a
/// capitalised "Putin" it missed elsewhere (a headline, a sentence start) is a mention too, and so is any
/// other occurrence of a tagged multi-word name.
///
/// ```swift
/// let extra = DocumentPropagation.missedMentions(in: fields)  // fields: tokens, scalars and tagged candidates
/// ```
public enum DocumentPropagation {
    /// One text field after tagging.
    public struct FieldText: Sendable {
        public var field: TextField
        public var scalars: [Unicode.Scalar]
        public var tokens: [Token]
        public var candidates: [Candidate]

        public init(field: TextField, scalars: [Unicode.Scalar], tokens: [Token], candidates: [Candidate]) {
            self.field = field
            self.scalars = scalars
            self.tokens = tokens
            self.candidates = candidates
        }
    }

    /// Candidates for untagged token sequences equal to a tagged name (or a tagged person's surname).
    public static func missedMentions(in fields: [FieldText]) -> [Candidate] {
        // Names are sequences of word ids, so that matching hashes each token's text once, not once per length
        // and position (which was a tenth of the extractor's time).
        var vocabulary: [String: Int] = [:]
        func id(_ word: String) -> Int {
            if let known = vocabulary[word] { return known }
            vocabulary[word] = vocabulary.count
            return vocabulary.count - 1
        }
        var known: [[Int]: (type: EntityType, confidence: Double)] = [:]
        for field in fields {
            for candidate in field.candidates where candidate.source == .tagger {
                guard var index = tokenIndex(startingAt: candidate.start, in: field.tokens) else { continue }
                var words: [String] = []
                while index < field.tokens.count && field.tokens[index].end <= candidate.end {
                    words.append(field.tokens[index].text)
                    index += 1
                }
                let ids = words.map(id)
                if ids.count > 1 && known[ids] == nil { known[ids] = (candidate.type, candidate.confidence) }
                if candidate.type == .person, words.count > 1, let last = words.last, last.count > 1,
                    isCapitalised(last), let lastID = ids.last, known[[lastID]] == nil
                {
                    known[[lastID]] = (.person, candidate.confidence * 0.9)
                }
            }
        }
        guard !known.isEmpty else { return [] }
        let longest = known.keys.map(\.count).max() ?? 1
        var found: [Candidate] = []
        for field in fields {
            let ids = field.tokens.map { vocabulary[$0.text] ?? -1 }
            var covered = [Bool](repeating: false, count: field.scalars.count)
            for candidate in field.candidates {
                for offset in candidate.start..<candidate.end { covered[offset] = true }
            }
            var index = 0
            while index < field.tokens.count {
                var matched = 0
                if ids[index] >= 0 {
                    for length in stride(from: min(longest, field.tokens.count - index), through: 1, by: -1) {
                        let key = ids[index..<(index + length)]
                        guard !key.contains(-1), let entry = known[Array(key)] else { continue }
                        let start = field.tokens[index].start
                        let end = field.tokens[index + length - 1].end
                        guard !(start..<end).contains(where: { covered[$0] }) else { break }
                        found.append(
                            Candidate(
                                field: field.field, start: start, end: end,
                                surface: Tokenizer.string(field.scalars[start..<end]), type: entry.type,
                                confidence: entry.confidence, source: .tagger))
                        matched = length
                        break
                    }
                }
                index += max(matched, 1)
            }
        }
        return found
    }

    /// Binary search for the token that starts at scalar offset `start`.
    static func tokenIndex(startingAt start: Int, in tokens: [Token]) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < start { low = middle + 1 } else { high = middle }
        }
        return low < tokens.count && tokens[low].start == start ? low : nil
    }

    static func isCapitalised(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase == true
    }
}
