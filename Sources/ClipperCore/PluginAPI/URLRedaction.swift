import Foundation

/// Hides the password of a URL (`scheme://user:password@host/…`) so the URL can be printed or logged.
///
/// ```swift
/// URLRedaction.redactPassword(in: "postgres://clipper:s3cret@db:5432/clipper")
/// // "postgres://clipper:***@db:5432/clipper"
/// ```
public enum URLRedaction {
    /// What a password is replaced with.
    public static let mask = "***"

    /// `text` with the password part of its user information replaced by ``mask``; unchanged when it has none.
    public static func redactPassword(in text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return text }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<userInfo.index(after: colon)]) + mask + String(text[at...])
    }
}
