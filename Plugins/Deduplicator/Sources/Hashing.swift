/// Small, fast, non-cryptographic 64-bit hashing used for tokens, shingles, lines and LSH bands.
///
/// Hand-written (FNV-1a and the SplitMix64 finaliser are a few lines each) so that the values are stable across
/// Swift versions and processes: `Hasher` is randomly seeded per process, which would break state shared on disk.
///
/// ```swift
/// var hash = StableHash.fnvOffset
/// for byte in "word".utf8 { hash = StableHash.fnvStep(hash, byte) }
/// let spread = StableHash.mix(hash)
/// ```
public enum StableHash {
    /// FNV-1a 64-bit offset basis: the hash of the empty string.
    public static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// One FNV-1a step: folds `byte` into `hash`.
    @inline(__always)
    public static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* fnvPrime
    }

    /// SplitMix64 finaliser: spreads every input bit over every output bit.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Combines two hashes order-sensitively: `combine(a, b) != combine(b, a)` in general.
    @inline(__always)
    public static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed &* 0x9e37_79b9_7f4a_7c15 ^ value)
    }

    /// FNV-1a of a string's UTF-8 bytes, mixed.
    public static func of(_ text: String) -> UInt64 {
        var hash = fnvOffset
        for byte in text.utf8 { hash = fnvStep(hash, byte) }
        return mix(hash)
    }
}
