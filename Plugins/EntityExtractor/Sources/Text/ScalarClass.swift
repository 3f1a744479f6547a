/// Character classes used by the tokenizer and the word-shape feature, from Unicode general categories.
///
/// Mirrors `is_word_char` / `is_letter` in `scripts/nerlib.py`.
///
/// ```swift
/// ScalarClass.isWordScalar("ü")  // true
/// ScalarClass.isWordScalar("-")  // false
/// ```
public enum ScalarClass {
    /// Letters, marks and numbers (categories L*, M*, N*).
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isASCIIAlphanumeric(scalar.value) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Letters (categories L*).
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isASCIIAlphanumeric(scalar.value) && scalar.value >= 0x41 }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    /// Python's `str.isspace` for one scalar (Unicode whitespace plus the ASCII separators 0x1C–0x1F).
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// The script class of a CJK scalar: `H` Han ideograph, `h` hiragana, `K` katakana, else nil. Text in these
    /// scripts has no spaces, so Han and hiragana are tokens of one scalar each and a katakana run (mostly one
    /// borrowed word or name) is one token. Mirrors `cjk_class` in `scripts/nerlib.py`.
    ///
    /// ```swift
    /// ScalarClass.cjkClass("東")  // UInt8(ascii: "H")
    /// ```
    @inline(__always)
    public static func cjkClass(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        guard value >= 0x2E80 else { return nil }
        switch value {
        case 0x3040...0x309F: return UInt8(ascii: "h")
        case 0x30FB: return nil
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return UInt8(ascii: "K")
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x2E80...0x2FDF, 0x3005:
            return UInt8(ascii: "H")
        default: return nil
        }
    }

    /// One letter of the word shape: `X` upper, `x` lower, `H`/`h`/`K` Han/hiragana/katakana, `l` other letter,
    /// `d` digit, else nil.
    public static func shapeClass(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x30 && value <= 0x39 { return UInt8(ascii: "d") }
            if value >= 0x41 && value <= 0x5A { return UInt8(ascii: "X") }
            if value >= 0x61 && value <= 0x7A { return UInt8(ascii: "x") }
            return nil
        }
        if let cjk = cjkClass(scalar) { return cjk }
        switch scalar.properties.generalCategory {
        case .decimalNumber: return UInt8(ascii: "d")
        case .uppercaseLetter: return UInt8(ascii: "X")
        case .lowercaseLetter: return UInt8(ascii: "x")
        case .titlecaseLetter, .modifierLetter, .otherLetter: return UInt8(ascii: "l")
        default: return nil
        }
    }

    private static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }
}
