/// Reads the header and table directory of a mapped model file, checking every offset against the file size.
///
/// ```swift
/// var reader = ModelReader(file: file, path: path)
/// let magic = try reader.read(UInt32.self)
/// ```
struct ModelReader {
    let file: MappedFile
    let path: String
    private(set) var offset = 0

    init(file: MappedFile, path: String) {
        self.file = file
        self.path = path
    }

    mutating func read<Value: FixedWidthInteger>(_ type: Value.Type) throws -> Value {
        let size = MemoryLayout<Value>.size
        guard offset + size <= file.count else {
            throw ModelFormatError(path: path, message: "truncated at byte \(offset)")
        }
        let value = file.base.loadUnaligned(fromByteOffset: offset, as: Value.self)
        offset += size
        return Value(littleEndian: value)
    }

    /// An 8-byte, NUL-padded ASCII language code.
    mutating func readCode() throws -> String {
        var bytes: [UInt8] = []
        for _ in 0..<8 {
            let byte = try read(UInt8.self)
            if byte != 0 { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func align(to boundary: Int) {
        offset = (offset + boundary - 1) / boundary * boundary
    }

    /// One 48-byte directory entry and the arrays it points at.
    mutating func readTable() throws -> NgramTable {
        let bucketBits = Int(try read(UInt32.self))
        let keyCount = Int(try read(UInt32.self))
        let postingCount = Int(try read(UInt32.self))
        _ = try read(UInt32.self)
        let bucketOffset = Int(try read(UInt64.self))
        let fingerprintOffset = Int(try read(UInt64.self))
        let countOffset = Int(try read(UInt64.self))
        let postingOffset = Int(try read(UInt64.self))
        guard (1...32).contains(bucketBits) else {
            throw ModelFormatError(path: path, message: "bucket bits \(bucketBits) out of range")
        }
        let bucketBytes = ((1 << bucketBits) + 1) * 8
        for (start, length) in [
            (bucketOffset, bucketBytes), (fingerprintOffset, keyCount * 2), (countOffset, keyCount),
            (postingOffset, postingCount * 2),
        ] where start < 0 || start + length > file.count || start % 2 != 0 && length > keyCount {
            throw ModelFormatError(path: path, message: "a table points outside the file")
        }
        return NgramTable(
            bucketShift: UInt64(64 - bucketBits),
            buckets: (file.base + bucketOffset).assumingMemoryBound(to: UInt32.self),
            fingerprints: (file.base + fingerprintOffset).assumingMemoryBound(to: UInt16.self),
            counts: (file.base + countOffset).assumingMemoryBound(to: UInt8.self),
            postings: (file.base + postingOffset).assumingMemoryBound(to: UInt16.self),
            keyCount: keyCount, postingCount: postingCount)
    }
}
