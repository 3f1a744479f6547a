/// MinHash signatures (Broder 1997) and LSH band keys (Leskovec, Rajaraman, Ullman, ch. 3).
///
/// One 32-bit hash per shingle, then `bands × rows` permutations `x ↦ (a·x + b) mod 2^32` with odd `a`
/// (bijections of the 32-bit space; the shingle hashes are already uniformly spread), keeping each permutation's
/// minimum. 32-bit lanes let the compiler vectorise the inner loop. Each band of `rows`
/// minima becomes one 64-bit bucket key that also encodes the band number, so one hash map holds every band.
/// Two documents with Jaccard `s` share at least one bucket with probability `1 - (1 - s^rows)^bands`
/// (20 × 3: 0.99 at s = 0.6, 0.93 at s = 0.5, 0.42 at s = 0.3); candidates are then verified exactly.
///
/// ```swift
/// let hasher = MinHasher(bands: 20, rows: 3)
/// let keys = hasher.bandKeys(of: [17, 42, 4711])
/// keys.count // 20
/// ```
public struct MinHasher: Sendable {
    public let bands: Int
    public let rows: Int
    let multipliers: [UInt32]
    let offsets: [UInt32]

    /// Fixed seeds: signatures must agree between processes and restarts.
    public init(bands: Int, rows: Int, seed: UInt64 = 0x5eed_d0c5) {
        self.bands = bands
        self.rows = rows
        var state = seed
        var multipliers: [UInt32] = []
        var offsets: [UInt32] = []
        for _ in 0..<(bands * rows) {
            state = StableHash.mix(state)
            multipliers.append(UInt32(truncatingIfNeeded: state >> 32) | 1)
            state = StableHash.mix(state)
            offsets.append(UInt32(truncatingIfNeeded: state >> 32))
        }
        self.multipliers = multipliers
        self.offsets = offsets
    }

    /// The `bands × rows` minima over the shingle set.
    ///
    /// Permutations are taken eight at a time: the eight running minima stay in vector registers for the whole
    /// pass over the shingles instead of being loaded and stored per shingle. Any remainder (fewer than eight
    /// permutations) is done one lane at a time. The vector lanes compare as signed integers (cheaper than
    /// unsigned on baseline x86-64): adding 2^31 to the offset flips each value's top bit, which maps unsigned
    /// order onto signed order, and the flip is undone on the minima.
    public func signature(of shingles: [UInt32]) -> [UInt32] {
        let count = multipliers.count
        var minima = [UInt32](repeating: .max, count: count)
        minima.withUnsafeMutableBufferPointer { mins in
            multipliers.withUnsafeBufferPointer { a in
                offsets.withUnsafeBufferPointer { b in
                    shingles.withUnsafeBufferPointer { xs in
                        var lane = 0
                        while lane + 8 <= count {
                            var multiplier = SIMD8<Int32>()
                            var offset = SIMD8<Int32>()
                            for index in 0..<8 {
                                multiplier[index] = Int32(bitPattern: a[lane + index])
                                offset[index] = Int32(bitPattern: b[lane + index] &+ 0x8000_0000)
                            }
                            var minimum = SIMD8<Int32>(repeating: .max)
                            for x in xs {
                                minimum = pointwiseMin(minimum, multiplier &* Int32(bitPattern: x) &+ offset)
                            }
                            for index in 0..<8 { mins[lane + index] = UInt32(bitPattern: minimum[index]) ^ 0x8000_0000 }
                            lane += 8
                        }
                        while lane < count {
                            var minimum = UInt32.max
                            for x in xs { minimum = Swift.min(minimum, a[lane] &* x &+ b[lane]) }
                            mins[lane] = minimum
                            lane += 1
                        }
                    }
                }
            }
        }
        return minima
    }

    /// One bucket key per band, band number folded in.
    public func bandKeys(of shingles: [UInt32]) -> [UInt64] {
        let minima = signature(of: shingles)
        var keys: [UInt64] = []
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var key = StableHash.mix(UInt64(band) &+ 0x1000)
            for row in 0..<rows { key = StableHash.combine(key, UInt64(minima[band * rows + row])) }
            keys.append(key)
        }
        return keys
    }
}
