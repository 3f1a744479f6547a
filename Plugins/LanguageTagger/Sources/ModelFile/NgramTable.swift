/// One n-gram order of the model: an open-addressing hash table from n-gram keys to posting lists.
///
/// A slot is 8 bytes: a 16-bit fingerprint, a posting count (0 = empty slot), a reserved byte, and either up to two
/// postings inline or the offset of the key's posting list. A posting is a `UInt16`: low byte = language index,
/// high byte = `-ln P / quantStep`, the quantised conditional log-probability of the n-gram in that language.
/// Most lookups touch one cache line.
///
/// ```swift
/// if let postings = table.postings(forKey: NgramHasher.hash("the")) { for posting in postings { ... } }
/// ```
struct NgramTable: @unchecked Sendable {
    let slotCount: Int
    let slots: UnsafeRawPointer
    let postings: UnsafePointer<UInt16>
    let keyCount: Int
    let postingCount: Int

    /// The postings of `key`, or nil when no language has the n-gram.
    @inline(__always)
    func postings(forKey key: UInt64) -> UnsafeBufferPointer<UInt16>? {
        // Multiply-shift maps the high 32 bits onto 0..<slotCount without a division.
        var slot = Int(truncatingIfNeeded: ((key >> 32) &* UInt64(slotCount)) >> 32)
        let fingerprint = UInt16(truncatingIfNeeded: key)
        while true {
            let word = UInt64(littleEndian: slots.load(fromByteOffset: slot &<< 3, as: UInt64.self))
            let count = Int(truncatingIfNeeded: (word >> 16) & 0xFF)
            if count == 0 { return nil }
            if UInt16(truncatingIfNeeded: word) == fingerprint {
                if count <= 2 {
                    let inline = (slots + (slot &<< 3) + 4).assumingMemoryBound(to: UInt16.self)
                    return UnsafeBufferPointer(start: inline, count: count)
                }
                return UnsafeBufferPointer(start: postings + Int(truncatingIfNeeded: word >> 32), count: count)
            }
            slot &+= 1
            if slot == slotCount { slot = 0 }
        }
    }
}
