import Foundation

/// Text clean-up shared by title, description and body: HTML entities decoded, Unicode NFC, invisible
/// characters removed, whitespace collapsed.
///
/// ```swift
/// TextCleaner.cleanLine("  Tom &amp;\n Jerry ")         // "Tom & Jerry"
/// TextCleaner.cleanBlock("Para one.\n\n\n\nPara  two.")  // "Para one.\n\nPara two."
/// ```
public enum TextCleaner {
    /// One line: every run of whitespace (newlines included) becomes one space.
    public static func cleanLine(_ text: String) -> String {
        collapse(prepare(text), keepParagraphs: false)
    }

    /// A block of paragraphs: spaces collapse within a line, line breaks survive, and more than one blank line
    /// becomes one.
    public static func cleanBlock(_ text: String) -> String {
        collapse(prepare(text), keepParagraphs: true)
    }

    static func prepare(_ text: String) -> String {
        let decoded = HTMLEntities.decode(text)
        return NFCStability.isCertainlyNFC(decoded) ? decoded : decoded.precomposedStringWithCanonicalMapping
    }

    /// `prepare` without the NFC shortcut: the reference the tests compare it with.
    static func prepareAlwaysNormalizing(_ text: String) -> String {
        HTMLEntities.decode(text).precomposedStringWithCanonicalMapping
    }

    /// The same as ``cleanLine(_:)`` / ``cleanBlock(_:)`` with the NFC pass always run (tests compare the two).
    static func cleanAlwaysNormalizing(_ text: String, keepParagraphs: Bool) -> String {
        collapse(prepareAlwaysNormalizing(text), keepParagraphs: keepParagraphs)
    }

    static func collapse(_ text: String, keepParagraphs: Bool) -> String {
        var output = String.UnicodeScalarView()
        output.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        var pendingNewlines = 0
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { continue }
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" || scalar == "\u{2028}" {
                if keepParagraphs {
                    if scalar != "\r" { pendingNewlines += 1 }
                } else {
                    pendingSpace = true
                }
                continue
            }
            if scalar.value < 0x80 ? (scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D))
                : scalar.properties.isWhitespace
            {
                pendingSpace = true
                continue
            }
            if !output.isEmpty {
                if pendingNewlines > 0 {
                    output.append(contentsOf: pendingNewlines > 1 ? "\n\n".unicodeScalars : "\n".unicodeScalars)
                } else if pendingSpace {
                    output.append(" ")
                }
            }
            pendingSpace = false
            pendingNewlines = 0
            output.append(scalar)
        }
        return String(output)
    }

    /// Zero-width and other format characters that carry no text (soft hyphen, BOM, zero-width space/joiners).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x2060, 0xFEFF: true
        case 0x0000...0x0008, 0x000B, 0x000C, 0x000E...0x001F, 0x007F: true
        default: false
        }
    }
}
