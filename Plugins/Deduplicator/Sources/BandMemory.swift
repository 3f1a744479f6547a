/// The in-memory LSH table of one process: band key → id of the latest document in that bucket.
///
/// A cache of the `bands` column of the `documents` table, which is the truth: ``watermark`` says how far it has
/// read (rows of other workers included) and ids below ``cutoff`` are evicted and ignored. Keeping one id per
/// bucket (the latest) bounds memory at about `bands × window` entries; a copy still finds its story through the
/// other bands, and a cluster is reached through any of its members.
///
/// ```swift
/// var memory = BandMemory()
/// memory.add(id: 7, keys: [11, 12])
/// memory.candidates(for: [12, 99], limit: 8) // [7]
/// ```
struct BandMemory: Sendable {
    var buckets: [UInt64: UInt32] = [:]
    /// Highest `documents.id` read into ``buckets``.
    var watermark: Int64 = 0
    /// Ids below this are evicted.
    var cutoff: Int64 = 0

    mutating func add(id: Int64, keys: [UInt64]) {
        guard let compact = UInt32(exactly: id) else { return }
        for key in keys { buckets[key] = compact }
    }

    /// Forgets `keys` where they still point at `id`.
    mutating func remove(id: Int64, keys: [UInt64]) {
        for key in keys where buckets[key].map(Int64.init) == id { buckets.removeValue(forKey: key) }
    }

    /// Live documents sharing a bucket with `keys`, most shared buckets first, then oldest first.
    func candidates(for keys: [UInt64], limit: Int) -> [Int64] {
        var hits: [Int64: Int] = [:]
        for key in keys {
            guard let id = buckets[key].map(Int64.init), id >= cutoff else { continue }
            hits[id, default: 0] += 1
        }
        return hits.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map(\.key)
    }
}
