import Foundation

/// An offset bound for replay and reset-offsets: one offset for every partition (`1200`), or per partition
/// (`0:1200,1:980`). Partitions not named in a per-partition spec use the default bound.
///
/// ```swift
/// let spec = try OffsetSpec.parse("0:100,2:50")
/// spec.offset(forPartition: 2) // 50
/// spec.offset(forPartition: 1) // nil
/// ```
public enum OffsetSpec: Sendable, Hashable {
    case all(Int64)
    case perPartition([Int32: Int64])

    public static func parse(_ text: String) throws(ReplayError) -> OffsetSpec {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let single = Int64(trimmed), single >= 0 { return .all(single) }
        var offsets: [Int32: Int64] = [:]
        for part in trimmed.split(separator: ",") {
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let partition = Int32(pieces[0]), let offset = Int64(pieces[1]), partition >= 0,
                offset >= 0
            else {
                throw ReplayError(
                    "offset spec \"\(text)\" is not valid; write one offset (1200) or partition:offset pairs (0:1200,1:980)"
                )
            }
            offsets[partition] = offset
        }
        guard !offsets.isEmpty else { throw ReplayError("offset spec is empty; write 1200 or 0:1200,1:980") }
        return .perPartition(offsets)
    }

    public func offset(forPartition partition: Int32) -> Int64? {
        switch self {
        case .all(let offset): offset
        case .perPartition(let offsets): offsets[partition]
        }
    }
}

/// A replay or reset that cannot run as asked, with what to do instead.
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
