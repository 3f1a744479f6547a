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

    static let paddedPhrases: [String] = phrases.map { " \($0) " }

    /// Lines that are exactly one of these words are chrome.
    static let singleWords: Set<String> = ["advertisement", "advert", "ad", "sponsored", "share", "print", "menu", "comments"]

    /// Whether a tokenised line is site chrome.
    public static func isChrome(_ line: TextTokenizer.Line) -> Bool {
        guard line.tokenCount <= maximumTokens else { return false }
        if line.tokenCount == 1, singleWords.contains(line.canonical) { return true }
        if line.raw.contains("©") { return true }
        let padded = " " + line.canonical + " "
        if paddedPhrases.contains(where: { padded.contains($0) }) { return true }
        if line.canonical.hasPrefix("related ") && line.raw.contains(":") { return true }
        return isMenu(line)
    }

    /// A navigation menu or a "Published … | Updated …" stamp: three or more short segments split by `|`, `•` or `›`.
    static func isMenu(_ line: TextTokenizer.Line) -> Bool {
        let segments = line.raw.split(whereSeparator: { $0 == "|" || $0 == "•" || $0 == "›" || $0 == "·" })
        guard segments.count >= 2 else { return false }
        let words = segments.map { $0.split(whereSeparator: \.isWhitespace).count }
        if segments.count >= 3 && words.allSatisfy({ $0 <= 3 }) { return true }
        let lower = line.canonical
        return segments.count == 2 && (lower.hasPrefix("published ") || lower.hasPrefix("updated "))
            && words.allSatisfy({ $0 <= 6 })
    }
}
