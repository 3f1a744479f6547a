/// A set of language indices (0..<64) as a bit mask.
///
/// ```swift
/// var mask = LanguageMask()
/// mask.insert(3)
/// mask.contains(3) // true
/// ```
struct LanguageMask: Hashable, Sendable {
    var bits: UInt64 = 0

    @inline(__always) func contains(_ index: Int) -> Bool { bits & (1 << UInt64(index)) != 0 }
    @inline(__always) mutating func insert(_ index: Int) { bits |= 1 << UInt64(index) }
    var count: Int { bits.nonzeroBitCount }

    /// Member indices, ascending.
    var indices: [Int] { (0..<64).filter { contains($0) } }
}
