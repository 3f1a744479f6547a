/// The hash that keys the model's n-gram tables: FNV-1a over Unicode scalar values, then the splitmix64 finaliser.
///
/// It is built one scalar at a time, so one pass over a word yields the hashes of all n-grams that start at a position.
/// `scripts/convert_lingua_models.py` computes the same function in Python; the two must stay identical.
///
/// ```swift
/// var hasher = NgramHasher()
/// hasher.append("t".unicodeScalars.first!.value)
/// let unigram = hasher.finalized      // key of "t"
/// hasher.append("h".unicodeScalars.first!.value)
/// let bigram = hasher.finalized       // key of "th"
/// ```
struct NgramHasher {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Feeds one scalar value.
    @inline(__always)
    mutating func append(_ scalar: UInt32) {
        state = (state ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    /// The well-mixed 64-bit key of everything appended so far.
    @inline(__always)
    var finalized: UInt64 {
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// The key of a whole string, e.g. `NgramHasher.hash("the")`.
    static func hash(_ text: String) -> UInt64 {
        var hasher = NgramHasher()
        for scalar in text.unicodeScalars { hasher.append(scalar.value) }
        return hasher.finalized
    }
}
