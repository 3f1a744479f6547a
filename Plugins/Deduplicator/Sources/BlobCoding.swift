import Foundation

/// Packs integer arrays into SQLite blobs and back, little-endian (the byte order of every platform Swift runs on).
///
/// ```swift
/// let blob = BlobCoding.encode([1, 2, 3] as [UInt32])
/// BlobCoding.decode(blob, as: UInt32.self) // [1, 2, 3]
/// ```
enum BlobCoding {
    static func encode<T: FixedWidthInteger>(_ values: [T]) -> Data {
        values.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    static func decode<T: FixedWidthInteger>(_ data: Data, as type: T.Type) -> [T] {
        let count = data.count / MemoryLayout<T>.size
        var values = [T](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(count * MemoryLayout<T>.size)))
            }
        }
        return values
    }
}
