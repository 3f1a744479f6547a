/// The PostgreSQL advisory-lock keys of the dedup store: `pg_advisory_xact_lock(namespace, key)` pairs.
///
/// Each kind of key has its own namespace, so keys of different kinds never collide; a collision inside one kind
/// (two band keys folding to the same 32 bits) only makes two transactions wait for each other, never a wrong
/// verdict. A transaction takes its keys in ascending (namespace, key) order — document id and fingerprint
/// first, band keys after — so two transactions can never wait for each other in a cycle.
///
/// ```swift
/// let keys = AdvisoryLockKeys.sorted(namespace: AdvisoryLockKeys.band, values: [42, 7])
/// // [7-folded, 42-folded] as Int32, ascending
/// ```
enum AdvisoryLockKeys {
    /// Serialises schema creation and migrations (key 0).
    static let schema: Int32 = 0x434C_0000
    /// One document id.
    static let documentID: Int32 = 0x434C_0001
    /// One exact fingerprint (its 64-bit key).
    static let fingerprint: Int32 = 0x434C_0002
    /// One LSH band key.
    static let band: Int32 = 0x434C_0003
    /// Elects the one worker that runs an eviction round (`pg_try_advisory_xact_lock`, key 0).
    static let eviction: Int32 = 0x434C_0004

    /// Folds a 64-bit key into the 32 bits of an advisory-lock key.
    static func fold(_ value: Int64) -> Int32 {
        Int32(truncatingIfNeeded: value ^ (value >> 32))
    }

    /// The folded keys, without repeats, ascending: the order in which they must be locked.
    static func sorted(_ values: [Int64]) -> [Int32] {
        Array(Set(values.map(fold))).sorted()
    }
}
