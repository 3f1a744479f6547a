/// One n-gram order of the model: a bucketed hash table from n-gram keys to posting lists.
///
/// Each posting is a `UInt16`: low byte = language index, high byte = `-ln P / quantStep` (the quantised
/// conditional log-probability of the n-gram in that language). Keys are sorted by bucket; a bucket holds ~4 keys,
/// each a 16-bit fingerprint plus a posting count.
///
/// ```swift
/// if let postings = table.postings(forKey: key) { for posting in postings { ... } }
/// ```
struct NgramTable: @unchecked Sendable {
    let bucketShift: UInt64
    /// Pairs (first key index, first posting index) per bucket, plus one sentinel pair.
    let buckets: UnsafePointer<UInt32>
    let fingerprints: UnsafePointer<UInt16>
    let counts: UnsafePointer<UInt8>
    let postings: UnsafePointer<UInt16>
    let keyCount: Int
    let postingCount: Int

    /// The postings of `key`, or nil when no language has the n-gram.
    @inline(__always)
    func postings(forKey key: UInt64) -> UnsafeBufferPointer<UInt16>? {
        let bucket = Int(truncatingIfNeeded: key >> bucketShift) &* 2
        var keyIndex = Int(buckets[bucket])
        let keyEnd = Int(buckets[bucket &+ 2])
        var postingIndex = Int(buckets[bucket &+ 1])
        let fingerprint = UInt16(truncatingIfNeeded: key)
        while keyIndex < keyEnd {
            let count = Int(counts[keyIndex])
            if fingerprints[keyIndex] == fingerprint {
                return UnsafeBufferPointer(start: postings + postingIndex, count: count)
            }
            postingIndex &+= count
            keyIndex &+= 1
        }
        return nil
    }
}
