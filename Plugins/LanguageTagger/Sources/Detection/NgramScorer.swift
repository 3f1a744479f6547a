/// Sums, per candidate language, the n-gram log-likelihood of a text's words, less a penalty for words holding
/// characters outside the language's alphabet.
///
/// Scores are relative: an n-gram a language has never seen costs ``DetectorTuning/unseenCost`` nats, and every score
/// counts only the gain over that floor, so languages without a posting need no work at all.
///
/// ```swift
/// let scores = NgramScorer(detector: detector, sample: sample, candidates: mask).scores() // nats per model language
/// ```
struct NgramScorer {
    let detector: LanguageDetector
    let sample: TextSample
    let candidates: LanguageMask

    func scores() -> [Float] {
        let model = detector.model
        let tuning = detector.tuning
        let languageCount = model.languageCodes.count
        let orders =
            sample.letterCount >= tuning.longTextLetters ? tuning.longTextOrders : tuning.shortTextOrders
        var gains = [Int32](repeating: 0, count: languageCount)
        var foreignWords = [Int32](repeating: 0, count: languageCount)
        let candidateBits = candidates.bits
        let minOrder = orders.lowerBound
        let maxOrder = orders.upperBound
        let tables = model.tables
        let unseen = detector.unseenQuanta
        // Scoring stops early once one language leads by a decisive margin (checked every ~64 letters); the margin
        // grows with the number of orders summed.
        let stopsEarly = tuning.decisiveMargin > 0
        let decisiveQuanta = Int32(tuning.decisiveMargin * Float(orders.count) / model.quantStep)
        let candidateList = candidates.indices
        var lookupsSinceCheck = 0

        sample.letters.withUnsafeBufferPointer { letters in
            gains.withUnsafeMutableBufferPointer { gains in
                var wordStart = 0
                for end in 0...letters.count where end == letters.count || letters[end] == 0 {
                    defer { wordStart = end + 1 }
                    guard end > wordStart else { continue }
                    if stopsEarly && lookupsSinceCheck >= 64 {
                        lookupsSinceCheck = 0
                        if Self.leadIsDecisive(gains, candidates: candidateList, margin: decisiveQuanta) { break }
                    }
                    lookupsSinceCheck += end - wordStart
                    // Alphabet rule: languages that lack one of this word's characters.
                    var allowed = candidateBits
                    for position in wordStart..<end {
                        let mask = detector.alphabet.languages(using: letters[position])
                        if mask != 0 { allowed &= mask }
                    }
                    var missing = candidateBits & ~allowed
                    while missing != 0 {
                        foreignWords[missing.trailingZeroBitCount] += 1
                        missing &= missing - 1
                    }
                    // n-grams inside the word.
                    for start in wordStart..<end {
                        var hasher = NgramHasher()
                        let longest = min(maxOrder, end - start)
                        guard longest >= minOrder else { break }
                        for order in 1...longest {
                            hasher.append(letters[start + order - 1])
                            guard order >= minOrder else { continue }
                            // No language has this n-gram, so none has a longer one that starts with it.
                            guard let postings = tables[order - 1].postings(forKey: hasher.finalized) else { break }
                            let floor = unseen[order - 1]
                            for posting in postings {
                                let language = Int(posting & 0xFF)
                                guard candidateBits & (1 << UInt64(language)) != 0 else { continue }
                                let gain = floor - Int32(posting >> 8)
                                if gain > 0 { gains[language] &+= gain }
                            }
                        }
                    }
                }
            }
        }
        let step = model.quantStep
        let foreignCost = tuning.foreignCharacterCost
        return (0..<languageCount).map { Float(gains[$0]) * step - Float(foreignWords[$0]) * foreignCost }
    }

    /// Whether the best language leads the second by at least `margin` quanta.
    @inline(__always)
    static func leadIsDecisive(_ gains: UnsafeMutableBufferPointer<Int32>, candidates: [Int], margin: Int32) -> Bool {
        var best = Int32.min
        var second = Int32.min
        for index in candidates {
            let gain = gains[index]
            if gain > best {
                second = best
                best = gain
            } else if gain > second {
                second = gain
            }
        }
        return best &- second >= margin
    }
}
