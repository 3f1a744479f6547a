/// Splits text into tokens with Unicode-scalar offsets. Mirrors `tokenize` in `scripts/nerlib.py`.
///
/// A token is a run of letters, marks and digits; a single letter that starts a dotted acronym keeps its
/// dots ("U.S.", "D.C."); every other non-space scalar (punctuation, emoji) is a token of its own. Han
/// ideographs and hiragana are one token each and a katakana run is one token (``ScalarClass/cjkClass(_:)``).
///
/// ```swift
/// Tokenizer.tokenize("The U.S. and Zürich").map(\.text)  // ["The", "U.S.", "and", "Zürich"]
/// Tokenizer.tokenize("在カトマンズ").map(\.text)          // ["在", "カトマンズ"]
/// ```
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        tokenize(scalars: Array(text.unicodeScalars))
    }

    /// Tokenizes an array of scalars (offsets index into it).
    public static func tokenize(scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5 + 1)
        let count = scalars.count
        var index = 0
        while index < count {
            let scalar = scalars[index]
            if ScalarClass.isSpace(scalar) {
                index += 1
                continue
            }
            if let cjk = ScalarClass.cjkClass(scalar) {
                var end = index + 1
                if cjk == UInt8(ascii: "K") {
                    while end < count && ScalarClass.cjkClass(scalars[end]) == cjk { end += 1 }
                }
                tokens.append(Token(start: index, end: end, text: string(scalars[index..<end])))
                index = end
                continue
            }
            guard ScalarClass.isWordScalar(scalar) else {
                tokens.append(Token(start: index, end: index + 1, text: string(scalars[index..<(index + 1)])))
                index += 1
                continue
            }
            var end = index
            while end < count && ScalarClass.isWordScalar(scalars[end]) && ScalarClass.cjkClass(scalars[end]) == nil {
                end += 1
            }
            if end - index == 1 && ScalarClass.isLetter(scalar) {
                end = dottedAcronymEnd(scalars, wordEnd: end)
            }
            tokens.append(Token(start: index, end: end, text: string(scalars[index..<end])))
            index = end
        }
        return tokens
    }

    /// Where a dotted acronym that starts with a one-letter word ending at `wordEnd` ends ("U.S." → after the last dot).
    private static func dottedAcronymEnd(_ scalars: [Unicode.Scalar], wordEnd: Int) -> Int {
        let count = scalars.count
        var cursor = wordEnd
        while cursor + 1 < count && scalars[cursor] == "." && ScalarClass.isLetter(scalars[cursor + 1])
            && (cursor + 2 >= count || !ScalarClass.isWordScalar(scalars[cursor + 2]))
        {
            cursor += 2
        }
        guard cursor > wordEnd else { return wordEnd }
        return cursor < count && scalars[cursor] == "." ? cursor + 1 : cursor
    }

    /// The text of a run of scalars.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
