/// Whether a text is already in Unicode NFC, decided from a conservative list of scalar ranges whose every scalar
/// is NFC-stable, never combines with a neighbour, and is not a singleton decomposition: ASCII and Latin up to
/// U+02FF, Cyrillic letters, general punctuation from U+2010, CJK punctuation without its combining tone marks,
/// kana, Han ideographs and fullwidth forms. News text in these scripts is nearly always already NFC, so
/// `normalize` skips Foundation's NFC pass (a bridged, allocating call that was most of its cost) for it.
/// Anything else (combining marks, Hangul, U+2000/U+2001, compatibility ideographs) takes the full pass.
///
/// ```swift
/// NFCStability.isCertainlyNFC("Café in Zürich, 東京, Москва")  // true
/// NFCStability.isCertainlyNFC("Cafe\u{301}")                   // false: a combining accent
/// ```
public enum NFCStability {
    public static func isCertainlyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isStable(scalar.value) { return false }
        return true
    }

    @inline(__always)
    static func isStable(_ value: UInt32) -> Bool {
        if value < 0x0300 { return true }
        switch value {
        case 0x0400...0x0482, 0x048A...0x052F: return true  // Cyrillic letters, not its combining marks
        case 0x2010...0x2027, 0x2030...0x205E: return true  // punctuation (not the U+2000/U+2001 singletons)
        case 0x20A0...0x20C0: return true  // currency signs
        case 0x3000...0x3029, 0x3030...0x303F: return true  // CJK punctuation, not the tone marks U+302A–U+302F
        case 0x3041...0x3096, 0x309D...0x309F: return true  // hiragana, not the voicing marks U+3099/U+309A
        case 0x30A1...0x30FF: return true  // katakana
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return true  // Han ideographs (not the F900 compatibility block)
        case 0xFF01...0xFF9F: return true  // fullwidth and halfwidth forms
        default: return false
        }
    }
}
