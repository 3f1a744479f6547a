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
    /// 0 marks an empty slot; a key of 0 is stored as 1 (``FeatureHash/value`` never gives 0).
    private var keys: [UInt64]
    private var values: [Value?]
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(of key: UInt64) -> (index: Int, found: Bool) {
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let present = keys[index]
            if present == key { return (index, true) }
            if present == 0 { return (index, false) }
            index = (index + 1) & mask
        }
    }

    subscript(key: UInt64) -> Value? {
        get {
            let (index, found) = slot(of: Self.stored(key))
            return found ? values[index] : nil
        }
        set {
            guard let newValue else { return }  // entries are never removed
            let key = Self.stored(key)
            var (index, found) = slot(of: key)
            if !found && (count + 1) * 2 > keys.count {
                grow()
                (index, found) = slot(of: key)
            }
            if !found {
                keys[index] = key
                count += 1
            }
            values[index] = newValue
        }
    }

    func contains(_ key: UInt64) -> Bool { slot(of: Self.stored(key)).found }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        for (index, key) in oldKeys.enumerated() where key != 0 {
            let (slot, _) = slot(of: key)
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}
