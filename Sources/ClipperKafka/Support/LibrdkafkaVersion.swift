import CRdKafka

/// The version of the librdkafka library Clipper is linked against, as reported by `rd_kafka_version_str()`.
///
/// ```swift
/// logger.info("librdkafka \(librdkafkaVersion)")
/// ```
public var librdkafkaVersion: String { String(cString: rd_kafka_version_str()) }

/// The oldest librdkafka Clipper supports: 2.8.0 (`0x020800ff`).
///
/// Older releases mis-parse the tagged fields of ApiVersions responses (< 2.2), have consumer-close hangs and
/// cooperative-sticky close bugs (< 2.4). See `research/anchors.md` R8.
///
/// ```swift
/// try LibrdkafkaVersionCheck.require()
/// ```
public enum LibrdkafkaVersionCheck {
    /// The minimum supported version as librdkafka's hex integer.
    public static let minimumHex: Int32 = 0x0208_00ff
    /// The minimum supported version as text.
    public static let minimumText = "2.8.0"

    /// Throws ``KafkaError`` with code ``KafkaErrorCode/unsupportedLibrary`` when the linked librdkafka is too old.
    ///
    /// ```swift
    /// try LibrdkafkaVersionCheck.require()
    /// ```
    public static func require() throws {
        if rd_kafka_version() < minimumHex {
            throw KafkaError(
                code: .unsupportedLibrary,
                text: "librdkafka \(librdkafkaVersion)",
                message: "Clipper needs librdkafka >= \(minimumText) but is linked against \(librdkafkaVersion). "
                    + "Install librdkafka1 and librdkafka-dev >= \(minimumText) (see scripts/setup.sh)."
            )
        }
    }
}
