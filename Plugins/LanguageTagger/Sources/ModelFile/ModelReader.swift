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
        let slotCount = Int(try read(UInt32.self))
        let keyCount = Int(try read(UInt32.self))
        let postingCount = Int(try read(UInt32.self))
        _ = try read(UInt32.self)
        let slotOffset = Int(try read(UInt64.self))
        let postingOffset = Int(try read(UInt64.self))
        _ = try read(UInt64.self)
        _ = try read(UInt64.self)
        guard slotCount > keyCount else {
            throw ModelFormatError(path: path, message: "a table has \(keyCount) keys in \(slotCount) slots")
        }
        let slotBytes = slotCount * 8
        guard slotOffset % 8 == 0, postingOffset % 2 == 0, slotOffset + slotBytes <= file.count,
            postingOffset + postingCount * 2 <= file.count
        else {
            throw ModelFormatError(path: path, message: "a table points outside the file")
        }
        return NgramTable(
            slotCount: slotCount,
            slots: file.base + slotOffset,
            postings: (file.base + postingOffset).assumingMemoryBound(to: UInt16.self),
            keyCount: keyCount, postingCount: postingCount)
    }
}
