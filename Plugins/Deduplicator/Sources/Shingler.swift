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
        return RadixSort.sorted(result).uniqued()
    }
}

extension Array where Element == UInt32 {
    /// Drops adjacent repeats of a sorted array, compacting it in place.
    func uniqued() -> [UInt32] {
        guard count > 1 else { return self }
        var output = self
        let kept = output.withUnsafeMutableBufferPointer { values -> Int in
            var kept = 1
            for index in 1..<values.count where values[index] != values[kept - 1] {
                values[kept] = values[index]
                kept += 1
            }
            return kept
        }
        output.removeLast(output.count - kept)
        return output
    }
}

/// Least-significant-digit radix sort of 32-bit values, four passes of 8 bits: linear time, no comparisons.
/// Shingle sets are sorted once per document, and `Array.sort` (a stable merge sort) showed in profiles.
/// The four digit histograms are counted in one read of the input, and a pass whose digit is the same for every
/// value is skipped (it would only copy).
///
/// ```swift
/// RadixSort.sorted([3, 1, 2]) // [1, 2, 3]
/// ```
enum RadixSort {
    static func sorted(_ values: [UInt32]) -> [UInt32] {
        guard values.count > 32 else { return values.sorted() }
        var source = values
        var target = [UInt32](repeating: 0, count: values.count)
        var counts = [Int](repeating: 0, count: 4 * 256)
        counts.withUnsafeMutableBufferPointer { counts in
            source.withUnsafeBufferPointer { input in
                for value in input {
                    counts[Int(value & 0xFF)] += 1
                    counts[256 + Int((value >> 8) & 0xFF)] += 1
                    counts[512 + Int((value >> 16) & 0xFF)] += 1
                    counts[768 + Int(value >> 24)] += 1
                }
            }
        }
        for pass in 0..<4 {
            let shift = UInt32(pass * 8)
            let base = pass * 256
            let skip = counts.withUnsafeBufferPointer { counts in
                counts[base + Int((values[0] >> shift) & 0xFF)] == values.count
            }
            if skip { continue }
            counts.withUnsafeMutableBufferPointer { counts in
                var offset = 0
                for digit in base..<(base + 256) {
                    let count = counts[digit]
                    counts[digit] = offset
                    offset += count
                }
                source.withUnsafeBufferPointer { input in
                    target.withUnsafeMutableBufferPointer { output in
                        for value in input {
                            let digit = base + Int((value >> shift) & 0xFF)
                            output[counts[digit]] = value
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&source, &target)
        }
        return source
    }
}
