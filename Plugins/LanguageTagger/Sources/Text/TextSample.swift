/// The letters of a text, lower-cased, as Unicode scalar values with `0` between words, plus how many letters each
/// script contributed. Built once per text; the detector never touches `Character` or `String` after this.
///
/// ```swift
/// let sample = TextSample(["Hello, World!"], maxScalars: 1000)
/// sample.letters      // [h, e, l, l, o, 0, w, o, r, l, d, 0]
/// sample.letterCount  // 10
/// ```
struct TextSample {
    private(set) var letters: [UInt32] = []
    private(set) var letterCount = 0
    private(set) var scriptCounts = [Int](repeating: 0, count: WritingScript.allCases.count)

    /// Reads `fields` in order (for an article: title, description, body) until `maxScalars` scalars were read.
    init(_ fields: [String], maxScalars: Int) {
        letters.reserveCapacity(min(maxScalars, 4096) + 2)
        var budget = maxScalars
        let table = LetterTable.shared
        var counts = [Int](repeating: 0, count: WritingScript.allCases.count)
        var letterCount = 0
        counts.withUnsafeMutableBufferPointer { counts in
            for field in fields {
                guard budget > 0 else { break }
                var previousWasLetter = false
                for scalar in field.unicodeScalars {
                    guard budget > 0 else { break }
                    budget -= 1
                    if let letter = table.letter(scalar.value) {
                        letters.append(letter.scalar)
                        letterCount += 1
                        counts[letter.script] += 1
                        previousWasLetter = true
                    } else if previousWasLetter {
                        letters.append(0)
                        previousWasLetter = false
                    }
                }
                if let last = letters.last, last != 0 { letters.append(0) }
            }
        }
        self.letterCount = letterCount
        scriptCounts = counts
    }

    /// The script with the most letters; Han and kana count together, and kana decides for Japanese.
    var dominantScript: WritingScript? {
        var counts = scriptCounts
        let kana = counts[WritingScript.kana.rawValue]
        let han = counts[WritingScript.han.rawValue]
        let cjk = WritingScript.kana.rawValue
        counts[cjk] = kana + han
        counts[WritingScript.han.rawValue] = 0
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        if best == cjk { return kana * 20 >= kana + han && kana > 0 ? .kana : .han }
        return WritingScript(rawValue: best)
    }

    /// Letters of `script` (Han and kana together for either) as a share of all letters.
    func share(of script: WritingScript) -> Double {
        guard letterCount > 0 else { return 0 }
        var count = scriptCounts[script.rawValue]
        if script == .han { count += scriptCounts[WritingScript.kana.rawValue] }
        if script == .kana { count += scriptCounts[WritingScript.han.rawValue] }
        return Double(count) / Double(letterCount)
    }

    /// Calls `body` with the bounds of each word in ``letters``.
    @inline(__always)
    func forEachWord(_ body: (Range<Int>) -> Void) {
        var start = 0
        for (index, value) in letters.enumerated() where value == 0 {
            if index > start { body(start..<index) }
            start = index + 1
        }
        if start < letters.count { body(start..<letters.count) }
    }
}
