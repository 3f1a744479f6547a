#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only file mapped into memory. Pages load on first touch and are shared between processes,
/// so the resident cost is only the part of the model a workload actually reads.
///
/// ```swift
/// let file = try MappedFile(path: "/path/ngrams.bin")
/// let magic = file.base.loadUnaligned(as: UInt32.self)
/// ```
final class MappedFile: @unchecked Sendable {
    /// Start of the mapping; valid for the object's lifetime. Never written through.
    let base: UnsafeRawPointer
    let count: Int

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ModelFormatError(path: path, message: "cannot open the file (errno \(errno))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else {
            throw ModelFormatError(path: path, message: "the file is empty or unreadable")
        }
        let size = Int(status.st_size)
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
            throw ModelFormatError(path: path, message: "mmap failed (errno \(errno))")
        }
        base = UnsafeRawPointer(mapping)
        count = size
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), count)
    }
}
