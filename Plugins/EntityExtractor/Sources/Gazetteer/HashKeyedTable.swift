/// A table keyed by values that are already 64-bit hashes (``FeatureHash`` values): open addressing with linear
/// probing on the key's low bits. Swift's `Dictionary` hashes every key again (SipHash) on each lookup; for the
/// gazetteer's phrase and word-class tables, looked up several times per token, that was about 5% of the
/// extractor's time.
///
/// ```swift
/// var table = HashKeyedTable<String>()
/// table[FeatureHash("paris").value] = "LOC"
/// table[FeatureHash("paris").value]  // "LOC"
/// ```
struct HashKeyedTable<Value: Sendable>: Sendable {
    /// Key and value side by side, so that a lookup touches one cache line. A key of 0 marks an empty slot; a key
    /// of 0 is stored as 1 (``FeatureHash/value`` never gives 0).
    private var slots: [(key: UInt64, value: Value?)]
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        slots = Array(repeating: (0, nil), count: capacity)
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(of key: UInt64) -> (index: Int, found: Bool) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let present = slots[index].key
            if present == key { return (index, true) }
            if present == 0 { return (index, false) }
            index = (index + 1) & mask
        }
    }

    subscript(key: UInt64) -> Value? {
        get {
            let (index, found) = slot(of: Self.stored(key))
            return found ? slots[index].value : nil
        }
        set {
            guard let newValue else { return }  // entries are never removed
            let key = Self.stored(key)
            var (index, found) = slot(of: key)
            if !found && (count + 1) * 2 > slots.count {
                grow()
                (index, found) = slot(of: key)
            }
            if !found { count += 1 }
            slots[index] = (key, newValue)
        }
    }

    func contains(_ key: UInt64) -> Bool { slot(of: Self.stored(key)).found }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, nil), count: old.count * 2)
        for entry in old where entry.key != 0 {
            let (index, _) = slot(of: entry.key)
            slots[index] = entry
        }
    }
}
