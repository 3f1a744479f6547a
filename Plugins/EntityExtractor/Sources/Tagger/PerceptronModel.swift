import Foundation

/// The trained tagger weights: an open-addressing table from feature hash to one int16 weight per label,
/// plus label-to-label transition scores. Format: `scripts/model_format.py`.
///
/// ```swift
/// let model = try PerceptronModel(contentsOf: url)
/// model.labels  // ["O", "B-PER", "I-PER", …]
/// ```
public struct PerceptronModel: Sendable {
    public let labels: [String]
    /// Weights were multiplied by this before rounding.
    public let scale: Float
    /// `(labels + 1) × labels`, row-major; the last row is the sentence start.
    public let transitions: [Int]
    let table: WeightTable
    let mask: Int

    /// Number of features with weights.
    public var featureCount: Int { table.keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url, options: .mappedIfSafe)
        var reader = BinaryReader(data: data, source: url.path)
        guard try reader.bytes(8) == Array("CLPNER01".utf8) else {
            throw ModelError.malformed(url.path, "wrong magic; rebuild with scripts/train.py")
        }
        let labelCount = Int(try reader.uint32())
        var labels: [String] = []
        for _ in 0..<labelCount {
            let length = Int(try reader.uint16())
            labels.append(String(decoding: try reader.bytes(length), as: UTF8.self))
        }
        self.labels = labels
        scale = Float(bitPattern: try reader.uint32())
        let slots = Int(try reader.uint32())
        guard slots > 0, slots & (slots - 1) == 0 else {
            throw ModelError.malformed(url.path, "table size \(slots) is not a power of two")
        }
        transitions = try (0..<((labelCount + 1) * labelCount)).map { _ in Int(Int32(bitPattern: try reader.uint32())) }
        table = WeightTable(
            keys: try reader.array(of: UInt64.self, count: slots),
            weights: try reader.array(of: Int16.self, count: slots * labelCount), labelCount: labelCount)
        mask = slots - 1
    }

    /// Loads the home slot of every hash, so that the lookups that follow find them in cache. The loads are
    /// independent of each other, so the CPU overlaps their cache misses; the result only keeps them from being
    /// optimised away.
    @inline(__always)
    public func touch(_ hashes: UnsafeBufferPointer<UInt64>) {
        let stride = table.stride
        let slots = table.slots
        var sink: UInt64 = 0
        for hash in hashes {
            let slot = Int(truncatingIfNeeded: hash) & mask
            sink ^= UnsafeRawPointer(slots + slot * stride).loadUnaligned(as: UInt64.self)
        }
        table.sink = sink
    }

    /// Adds the weights of feature `hash` to `scores` (one entry per label); unknown features add nothing.
    @inline(__always)
    public func accumulate(_ hash: UInt64, into scores: UnsafeMutableBufferPointer<Int>, offset: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let labelCount = labels.count
        let stride = table.stride
        let slots = table.slots
        while true {
            let entry = slots + slot * stride
            let key = UnsafeRawPointer(entry).loadUnaligned(as: UInt64.self)
            if key == hash {
                let weights = UnsafeRawPointer(entry + 8)
                guard let base = scores.baseAddress else { return }
                let target = base + offset
                for label in 0..<labelCount {
                    target[label] += Int(weights.loadUnaligned(fromByteOffset: 2 * label, as: Int16.self))
                }
                return
            }
            if key == 0 { return }
            slot = (slot + 1) & mask
        }
    }
}

/// The weight table, read-only after loading. Each slot holds its key and its weights side by side
/// (8 + 2 × labels bytes, padded to 8), so a lookup touches one cache line.
final class WeightTable: @unchecked Sendable {
    let slots: UnsafeMutablePointer<UInt8>
    let stride: Int
    let keys: [UInt64]
    /// Written by ``PerceptronModel/touch(_:)`` so that its loads are not dead code; never read. Racy writes from
    /// several taggers are harmless (the value is meaningless).
    var sink: UInt64 = 0

    init(keys: [UInt64], weights: [Int16], labelCount: Int) {
        self.keys = keys
        stride = (8 + 2 * labelCount + 7) / 8 * 8
        slots = Self.allocate(bytes: keys.count * stride)
        slots.initialize(repeating: 0, count: keys.count * stride)
        for (slot, key) in keys.enumerated() where key != 0 {
            let entry = UnsafeMutableRawPointer(slots + slot * stride)
            entry.storeBytes(of: key, as: UInt64.self)
            for label in 0..<labelCount {
                entry.storeBytes(of: weights[slot * labelCount + label], toByteOffset: 8 + 2 * label, as: Int16.self)
            }
        }
    }

    deinit {
        free(slots)
    }

    /// Table memory aligned to 2 MiB and marked for transparent huge pages where the kernel offers them: lookups
    /// land anywhere in megabytes, and with 4 KiB pages most of them also missed the TLB.
    static func allocate(bytes: Int) -> UnsafeMutablePointer<UInt8> {
        let hugePage = 2 << 20
        let size = (bytes + hugePage - 1) / hugePage * hugePage
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, hugePage, size) == 0, let memory else {
            fatalError("out of memory: the entity tagger's weight table needs \(size) bytes")
        }
        #if os(Linux)
            _ = madvise(memory, size, MADV_HUGEPAGE)
        #endif
        return memory.bindMemory(to: UInt8.self, capacity: size)
    }
}

/// A model file that cannot be used.
public enum ModelError: Error, CustomStringConvertible {
    case missing(String)
    case malformed(String, String)

    public var description: String {
        switch self {
        case .missing(let name):
            "entity model resource \(name) is missing from the EntityExtractor bundle; run scripts/train.py and rebuild"
        case .malformed(let path, let why): "entity model \(path) is malformed: \(why)"
        }
    }
}

/// Little-endian reader over a model file.
struct BinaryReader {
    let data: Data
    let source: String
    var position = 0

    init(data: Data, source: String) {
        self.data = data
        self.source = source
    }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard position + count <= data.count else {
            throw ModelError.malformed(source, "truncated at byte \(position)")
        }
        defer { position += count }
        return Array(data[data.startIndex + position..<data.startIndex + position + count])
    }

    mutating func uint16() throws -> UInt16 {
        let raw = try bytes(2)
        return UInt16(raw[0]) | UInt16(raw[1]) << 8
    }

    mutating func uint32() throws -> UInt32 {
        let raw = try bytes(4)
        return raw.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }

    /// Copies `count` little-endian values of a fixed-width integer type.
    mutating func array<T: FixedWidthInteger>(of type: T.Type, count: Int) throws -> [T] {
        let byteCount = count * MemoryLayout<T>.size
        guard position + byteCount <= data.count else {
            throw ModelError.malformed(source, "truncated at byte \(position)")
        }
        var result = [T](repeating: 0, count: count)
        _ = result.withUnsafeMutableBytes { target in
            data.copyBytes(to: target, from: data.startIndex + position..<data.startIndex + position + byteCount)
        }
        position += byteCount
        return result.map { T(littleEndian: $0) }
    }
}
