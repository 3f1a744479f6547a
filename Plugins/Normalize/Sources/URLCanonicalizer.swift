import Foundation

/// Canonical form of an article URL, so that the same article fetched through different links gets one `doc_id`.
///
/// Rules (version ``rulesVersion``): only http(s); scheme and host lower-case; default port, fragment, empty
/// query and tracking parameters dropped; remaining query parameters sorted by name; an empty path becomes `/`.
///
/// ```swift
/// let canonicalizer = URLCanonicalizer()
/// canonicalizer.canonicalize("HTTPS://Example.com:443/a?utm_source=x&b=2&a=1#frag")
/// // "https://example.com/a?a=1&b=2"
/// ```
public struct URLCanonicalizer: Sendable {
    public static let rulesVersion = "1"

    /// Tracking parameters dropped by default; a trailing `*` matches a prefix.
    public static let trackingParameters = [
        "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl",
        "igshid", "ocid", "cmpid", "ncid", "sr_share", "smid", "ref_src", "__twitter_impression", "mkt_tok",
    ]

    let dropped: [String]

    public init(stripTrackingParameters: Bool = true, extraTrackingParameters: [String] = []) {
        dropped =
            (stripTrackingParameters ? Self.trackingParameters : []) + extraTrackingParameters.map { $0.lowercased() }
    }

    /// The canonical URL, or nil when `text` is not an absolute http(s) URL.
    public func canonicalize(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        components.scheme = scheme
        components.host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        components.user = nil
        components.password = nil
        if components.percentEncodedPath.isEmpty { components.percentEncodedPath = "/" }
        let kept = (components.percentEncodedQueryItems ?? [])
            .filter { !isTracking($0.name) }
            .sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        return components.string
    }

    func isTracking(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return dropped.contains { pattern in
            pattern.hasSuffix("*") ? lowered.hasPrefix(pattern.dropLast()) : lowered == pattern
        }
    }
}
