/// For each character, the languages whose alphabet holds it (unigram frequency >= 1e-5 in the model).
///
/// ```swift
/// let masks = AlphabetMasks(model.alphabet)
/// masks.languages(using: 0x00DF) // languages that write "ß" (German)
/// ```
struct AlphabetMasks: Sendable {
    private static let denseLimit: UInt32 = 0x2000
    private let dense: [UInt64]
    private let sparse: [UInt32: UInt64]

    init(_ alphabet: [UInt32: UInt64]) {
        var dense = [UInt64](repeating: 0, count: Int(Self.denseLimit))
        var sparse: [UInt32: UInt64] = [:]
        for (scalar, mask) in alphabet {
            if scalar < Self.denseLimit { dense[Int(scalar)] = mask } else { sparse[scalar] = mask }
        }
        self.dense = dense
        self.sparse = sparse
    }

    /// Bit mask of model language indices; 0 when no language uses the character often (it then proves nothing).
    @inline(__always)
    func languages(using scalar: UInt32) -> UInt64 {
        scalar < Self.denseLimit ? dense.withUnsafeBufferPointer { $0[Int(scalar)] } : sparse[scalar] ?? 0
    }
}
