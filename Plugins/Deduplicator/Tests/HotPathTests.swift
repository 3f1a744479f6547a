import Testing

@testable import Deduplicator

/// The optimised hot loops against plain reference implementations of the same definitions.
@Suite struct HotPathTests {
    /// The tokenizer's definition, written the slow and obvious way: lines split at `\n`/`\r`, tokens are runs of
    /// alphabetic, numeric or non-spacing-mark scalars, lower-cased, hashed with FNV-1a and mixed.
    static func referenceLines(of text: String) -> [(tokens: [UInt64], canonical: String, hash: UInt64)] {
        func fnv(_ text: String) -> UInt64 {
            var hash = StableHash.fnvOffset
            for byte in text.utf8 { hash = StableHash.fnvStep(hash, byte) }
            return StableHash.mix(hash)
        }
        var result: [(tokens: [UInt64], canonical: String, hash: UInt64)] = []
        for line in text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var words: [String] = []
            var current = ""
            for scalar in line {
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil
                    || properties.generalCategory == .nonspacingMark
                {
                    current += properties.lowercaseMapping
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
            guard !words.isEmpty else { continue }
            let canonical = words.joined(separator: " ")
            result.append((words.map(fnv), canonical, fnv(canonical)))
        }
        return result
    }

    @Test func tokenizerMatchesItsReferenceDefinition() {
        let texts = [
            "Hello, World!\n\nIt’s “here”.",
            "ÉCOLE Straße ÀÖ 2024—Zürich\r\nİSTANBUL Ⱥ ﬁne naïve café\n  \n...",
            String(repeating: "İ", count: 300) + " end",
            "Tab\tseparated\u{00A0}words, ١٢٣ digits, 東京 and e\u{301}\n\r\n",
            "",
            "no newline at the end",
        ]
        for text in texts {
            let lines = TextTokenizer.lines(of: text)
            let reference = Self.referenceLines(of: text)
            #expect(lines.count == reference.count)
            for (line, expected) in zip(lines, reference) {
                #expect(line.tokenHashes == expected.tokens)
                #expect(line.canonical == expected.canonical)
                #expect(line.hash == expected.hash)
            }
        }
    }

    @Test func minHashSignatureMatchesTheScalarDefinition() {
        let hasher = MinHasher(bands: 20, rows: 3)
        var state: UInt64 = 7
        let shingles: [UInt32] =
            (0..<500).map { _ in
                state = StableHash.mix(state)
                return UInt32(truncatingIfNeeded: state)
            } + [0, .max, 0x8000_0000]
        var expected = [UInt32](repeating: .max, count: hasher.multipliers.count)
        for x in shingles {
            for index in expected.indices {
                expected[index] = min(expected[index], hasher.multipliers[index] &* x &+ hasher.offsets[index])
            }
        }
        #expect(hasher.signature(of: shingles) == expected)
        #expect(MinHasher(bands: 3, rows: 3).signature(of: []) == [UInt32](repeating: .max, count: 9))
    }

    @Test func radixSortAndUniquedMatchTheStandardLibrary() {
        var state: UInt64 = 11
        let values: [UInt32] = (0..<2_000).map { _ in
            state = StableHash.mix(state)
            return UInt32(truncatingIfNeeded: state) & 0x00FF_0F0F  // some digits constant: skipped passes
        }
        #expect(RadixSort.sorted(values) == values.sorted())
        #expect(RadixSort.sorted(values).uniqued() == Array(Set(values)).sorted())
    }
}
