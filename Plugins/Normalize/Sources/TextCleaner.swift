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

    /// Drops invisible characters and collapses whitespace, working on UTF-8 bytes: ASCII (most of any text) takes
    /// one comparison per byte, and only a multi-byte scalar's lead byte decides whether it needs decoding.
    /// Behaves exactly like walking the Unicode scalars (a test compares the two on every scalar class).
    static func collapse(_ text: String, keepParagraphs: Bool) -> String {
        var text = text
        return text.withUTF8 { input in
            let bytes = [UInt8](unsafeUninitializedCapacity: input.count + 2) { output, written in
                var count = 0
                var pendingSpace = false
                var pendingNewlines = 0
                var index = 0
                while index < input.count {
                    let lead = input[index]
                    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    let value: UInt32 = lead < 0x80 ? UInt32(lead) : Self.decode(input, at: index, length: length)
                    index += length
                    if isInvisible(value) { continue }
                    switch Self.spacing(value) {
                    case .lineBreak:
                        if keepParagraphs {
                            if value != 0x0D { pendingNewlines += 1 }
                        } else {
                            pendingSpace = true
                        }
                        continue
                    case .space:
                        pendingSpace = true
                        continue
                    case .none:
                        break
                    }
                    if count > 0 {
                        if pendingNewlines > 0 {
                            output[count] = 0x0A
                            count += 1
                            if pendingNewlines > 1 {
                                output[count] = 0x0A
                                count += 1
                            }
                        } else if pendingSpace {
                            output[count] = 0x20
                            count += 1
                        }
                    }
                    pendingSpace = false
                    pendingNewlines = 0
                    for offset in (index - length)..<index {
                        output[count] = input[offset]
                        count += 1
                    }
                }
                written = count
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    enum Spacing { case none, space, lineBreak }

    /// Line breaks (`\n`, `\r`, U+2028, U+2029) and the other Unicode `White_Space` scalars.
    @inline(__always)
    static func spacing(_ value: UInt32) -> Spacing {
        switch value {
        case 0x0A, 0x0D, 0x2028, 0x2029: .lineBreak
        case 0x09...0x0C, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: .space
        default: .none
        }
    }

    /// The scalar value of the `length`-byte UTF-8 sequence at `index` (Swift strings are valid UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        var value = UInt32(bytes[index]) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    /// Zero-width and other format characters that carry no text (soft hyphen, BOM, zero-width space/joiners).
    @inline(__always)
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x200B, 0x2060, 0xFEFF: true
        case 0x0000...0x0008, 0x000B, 0x000C, 0x000E...0x001F, 0x007F: true
        default: false
        }
    }
}
