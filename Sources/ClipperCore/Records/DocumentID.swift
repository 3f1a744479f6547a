import Crypto
import Foundation

/// Deterministic document identity: lower-case hex SHA-256.
///
/// The key of every output record, so replays and at-least-once duplicates become upserts downstream.
///
/// ```swift
/// DocumentID.make(canonicalURL: "https://example.com/a", sourceID: nil, rawID: "1")
/// // sha256("https://example.com/a")
/// DocumentID.make(canonicalURL: nil, sourceID: "wire", rawID: "1") // sha256("wire|1")
/// ```
public enum DocumentID {
    public static func make(canonicalURL: String?, sourceID: String?, rawID: String) -> String {
        if let canonicalURL, !canonicalURL.isEmpty {
            return sha256Hex(canonicalURL)
        }
        return sha256Hex("\(sourceID ?? "")|\(rawID)")
    }

    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String {
        sha256Hex(bytes: Array(text.utf8))
    }

    /// Lower-case hex SHA-256 of `bytes`.
    ///
    /// ```swift
    /// DocumentID.sha256Hex(bytes: []) // "e3b0c442…b855"
    /// ```
    public static func sha256Hex(bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
