import Testing

@testable import Normalize

/// The byte-level whitespace collapse against the scalar walk it replaced (kept here as the reference).
@Suite struct CollapseTests {
    static func referenceCollapse(_ text: String, keepParagraphs: Bool) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingNewlines = 0
        for scalar in text.unicodeScalars {
            if TextCleaner.isInvisible(scalar.value) { continue }
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" || scalar == "\u{2028}" {
                if keepParagraphs {
                    if scalar != "\r" { pendingNewlines += 1 }
                } else {
                    pendingSpace = true
                }
                continue
            }
            if scalar.value < 0x80
                ? (scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D))
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

    static let pool: [Unicode.Scalar] = [
        "a", "Z", " ", "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}",
        "\u{AD}", "é", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}",
        "\u{205F}", "\u{2060}", "\u{3000}", "\u{FEFF}", "東", "Ж", "\u{1F600}", "\u{10FFFF}",
    ]

    @Test func agreesWithTheScalarWalkOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...16, using: &generator) {
                view.append(Self.pool.randomElement(using: &generator) ?? "a")
            }
            let text = String(view)
            for keep in [true, false] {
                #expect(
                    TextCleaner.collapse(text, keepParagraphs: keep)
                        == Self.referenceCollapse(text, keepParagraphs: keep),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func whitespaceTableMatchesUnicodeForEveryScalar() {
        var mismatches: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if (TextCleaner.spacing(value) != .none) != scalar.properties.isWhitespace {
                mismatches.append("U+" + String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
