/// The short word shape: `X` upper, `x` lower, `l` other letters, `d` digits, other scalars as they are,
/// with runs of one class collapsed. Mirrors `shape` in `scripts/nerlib.py`.
///
/// ```swift
/// WordShape.bytes(of: "McDonald")  // Array("XxXx".utf8)
/// WordShape.bytes(of: "U.S.")      // Array("X.X.".utf8)
/// ```
public enum WordShape {
    public static func bytes(of word: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4)
        append(of: word, to: &out)
        return out
    }

    /// Appends the shape of `word` to `out` (the tagger writes every token's shape into one buffer).
    public static func append(of word: String, to out: inout [UInt8]) {
        var lastClass: UInt8? = nil
        var lastScalar: Unicode.Scalar? = nil
        for scalar in word.unicodeScalars {
            if let shapeClass = ScalarClass.shapeClass(scalar) {
                if lastClass != shapeClass { out.append(shapeClass) }
                lastClass = shapeClass
                lastScalar = nil
            } else {
                if lastScalar != scalar { out.append(contentsOf: scalar.utf8) }
                lastScalar = scalar
                lastClass = nil
            }
        }
    }
}
