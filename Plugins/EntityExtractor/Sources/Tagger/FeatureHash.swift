/// FNV-1a 64-bit hash built up piece by piece, so feature strings never have to be allocated.
/// Equals `fnv1a64` in `scripts/nerlib.py` over the UTF-8 bytes of the whole feature string.
///
/// ```swift
/// var hash = FeatureHash("w=")
/// hash.add("paris")
/// hash.value  // same as FeatureHash("w=paris").value
/// ```
public struct FeatureHash: Sendable, Hashable {
    public private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init(_ text: String) {
        add(text)
    }

    /// The hash as stored in the model; 0 is reserved for empty slots, so it becomes 1.
    public var value: UInt64 { state == 0 ? 1 : state }

    @inline(__always)
    public mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    public mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
    }

    @inline(__always)
    public mutating func add(_ bytes: [UInt8]) {
        for byte in bytes { add(byte) }
    }

    @inline(__always)
    public mutating func add(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// A copy with `text` appended.
    public func adding(_ text: String) -> FeatureHash {
        var copy = self
        copy.add(text)
        return copy
    }
}
