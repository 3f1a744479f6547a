/// Word shingles: every run of `size` consecutive tokens, hashed to 32 bits, as a sorted set without repeats.
///
/// 32-bit shingle hashes halve the stored sets; a chance collision between two different shingles (about
/// n / 2^32 per pair of documents of n shingles) moves a similarity by well under 0.001.
/// A text shorter than `size` tokens gives one shingle of all its tokens.
///
/// ```swift
/// let tokens = TextTokenizer.tokenize("the quick brown fox jumps over").tokenHashes
/// Shingler.shingles(of: tokens, size: 5).count // 2
/// ```
public enum Shingler {
    public static func shingles(of tokens: [UInt64], size: Int) -> [UInt32] {
        guard !tokens.isEmpty else { return [] }
        let width = min(size, tokens.count)
        var result: [UInt32] = []
        result.reserveCapacity(tokens.count - width + 1)
        tokens.withUnsafeBufferPointer { buffer in
            for start in 0...(buffer.count - width) {
                var hash: UInt64 = 0x243f_6a88_85a3_08d3
                for offset in 0..<width { hash = (hash ^ buffer[start + offset]) &* 0x0000_0100_0000_01b3 &+ 0x9e37 }
                result.append(UInt32(truncatingIfNeeded: StableHash.mix(hash) >> 32))
            }
        }
        result.sort()
        return result.uniqued()
    }
}

extension Array where Element == UInt32 {
    /// Drops adjacent repeats of a sorted array.
    func uniqued() -> [UInt32] {
        guard count > 1 else { return self }
        var output: [UInt32] = []
        output.reserveCapacity(count)
        var previous = self[0]
        output.append(previous)
        for value in self.dropFirst() where value != previous {
            output.append(value)
            previous = value
        }
        return output
    }
}
