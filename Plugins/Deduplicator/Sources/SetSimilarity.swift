/// Exact overlap measures between two sorted shingle sets (Broder 1997).
///
/// ```swift
/// let overlap = SetSimilarity(a: [1, 2, 3, 4], b: [2, 3, 4, 5, 6])
/// overlap.jaccard      // 3 / 6 = 0.5
/// overlap.containment  // 3 / 4 = 0.75 (of the smaller set)
/// ```
public struct SetSimilarity: Sendable, Hashable {
    public let intersection: Int
    public let sizeA: Int
    public let sizeB: Int

    /// Counts the common elements of two sorted arrays without repeats, by a merge.
    public init(a: [UInt32], b: [UInt32]) {
        var i = 0
        var j = 0
        var common = 0
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                while i < left.count && j < right.count {
                    let x = left[i]
                    let y = right[j]
                    if x == y {
                        common += 1
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        intersection = common
        sizeA = a.count
        sizeB = b.count
    }

    /// Resemblance: |A∩B| / |A∪B|.
    public var jaccard: Double {
        let union = sizeA + sizeB - intersection
        return union == 0 ? 0 : Double(intersection) / Double(union)
    }

    /// |A∩B| / min(|A|, |B|): 1.0 when the smaller document is wholly inside the larger (a trimmed copy).
    public var containment: Double {
        let smaller = min(sizeA, sizeB)
        return smaller == 0 ? 0 : Double(intersection) / Double(smaller)
    }

    /// The size of the smaller set: the minimum-size rule applies to it.
    public var smallerSize: Int { min(sizeA, sizeB) }
}
