/// Known outputs of `ngram_hash` in scripts/convert_lingua_models.py, so the Swift and Python hashes cannot drift apart.
enum NgramHasherFixture {
    /// `ngram_hash("ab")`
    static let ab: UInt64 = 0x9FFE_50A6_57E4_A147
}
