/// Recognises site chrome lines on their own: share bars, newsletter prompts, copyright notices, navigation menus,
/// "read more" and "related" links, comment and advertisement markers.
///
/// These are stripped before fingerprinting and shingling, whatever the source. Only short lines (at most
/// ``maximumTokens`` tokens) are candidates, so a real paragraph that mentions a newsletter is kept.
///
/// ```swift
/// ChromeLineRules.isChrome(TextTokenizer.tokenize("Copyright 2024 Example News. All rights reserved.")) // true
/// ChromeLineRules.isChrome(TextTokenizer.tokenize("The minister resigned on Tuesday.")) // false
/// ```
public enum ChromeLineRules {
    /// Longer lines are never treated as chrome by these rules.
    public static let maximumTokens = 25

    /// Phrases (normalised: lower-case, single spaces) that mark a chrome line when the line contains them.
    static let phrases: [String] = [
        "share on", "share this", "share article", "share via", "tweet this", "email this",
        "newsletter", "sign up for", "subscribe to", "subscribe now", "subscribers only",
        "copyright", "all rights reserved", "follow us", "like us on",
        "advertisement", "sponsored content", "skip to main content", "skip to content", "skip navigation",
        "read more", "more stories", "related stories", "related articles", "recommended for you", "most read",
        "comments are closed", "leave a comment", "view comments", "originally published", "originally appeared",
        "listen to this article", "click here", "cookie", "privacy policy", "terms of use", "terms of service",
        "download our app", "get the app", "back to top", "print this",
    ]

    /// The phrases as token-hash sequences: matching compares integers, not strings (this runs on every line).
    static let phraseTokens: [[UInt64]] = phrases.map { TextTokenizer.tokenize(Substring($0)).tokenHashes }

    /// Lines that are exactly one of these words are chrome.
    static let singleWords: Set<UInt64> = Set(
        ["advertisement", "advert", "ad", "sponsored", "share", "print", "menu", "comments"].map {
            TextTokenizer.tokenize(Substring($0)).tokenHashes[0]
        })

    static let publishedToken = TextTokenizer.tokenize("published").tokenHashes[0]
    static let updatedToken = TextTokenizer.tokenize("updated").tokenHashes[0]
    static let relatedToken = TextTokenizer.tokenize("related").tokenHashes[0]

    /// Whether a tokenised line is site chrome.
    public static func isChrome(_ line: TextTokenizer.Line) -> Bool {
        let tokens = line.tokenHashes
        guard tokens.count <= maximumTokens else { return false }
        if tokens.count == 1, singleWords.contains(tokens[0]) { return true }
        if phraseTokens.contains(where: { contains(tokens, $0) }) { return true }
        let bytes = line.rawBytes
        if contains(bytes, [0xC2, 0xA9]) { return true }  // ©
        if tokens.first == relatedToken, bytes.contains(UInt8(ascii: ":")) { return true }
        return isMenu(tokens: tokens, bytes: bytes)
    }

    /// A navigation menu or a "Published … | Updated …" stamp: three or more short segments split by `|`, `•`,
    /// `›` or `·`, or two segments starting with "published" or "updated".
    static func isMenu(tokens: [UInt64], bytes: [UInt8]) -> Bool {
        var segments: [Int] = [0]  // words per segment
        var inWord = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let separatorLength: Int
            if byte == UInt8(ascii: "|") {
                separatorLength = 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA2 || bytes[index + 2] == 0xBA
            {
                separatorLength = 3  // • ›
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xB7 {
                separatorLength = 2  // ·
            } else {
                separatorLength = 0
            }
            if separatorLength > 0 {
                segments.append(0)
                inWord = false
                index += separatorLength
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x09
            if !isSpace && !inWord { segments[segments.count - 1] += 1 }
            inWord = !isSpace
            index += 1
        }
        guard segments.count >= 2 else { return false }
        if segments.count >= 3 && segments.allSatisfy({ $0 <= 3 }) { return true }
        return segments.count == 2 && (tokens.first == publishedToken || tokens.first == updatedToken)
            && segments.allSatisfy({ $0 <= 6 })
    }

    /// Whether `sequence` occurs in `haystack` as a contiguous run.
    static func contains<T: Equatable>(_ haystack: [T], _ sequence: [T]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= haystack.count else { return false }
        for start in 0...(haystack.count - sequence.count) where haystack[start] == sequence[0] {
            var matched = true
            for offset in 1..<sequence.count where haystack[start + offset] != sequence[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}
