import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file or stdin line by line as raw bytes, so invalid UTF-8 reaches the decoder (and its clear error)
/// instead of being silently repaired.
///
/// Linear in the input: each byte is searched for a newline once (with `memchr`) and copied at most once into the
/// line it belongs to. A line longer than `maxLineBytes` is not kept: the reader skips to its newline, counting
/// bytes, and returns ``Line/oversize(bytes:)`` for it, so one huge line costs no memory and the next line is read
/// as usual.
///
/// ```swift
/// let reader = LineReader(handle: .standardInput, maxLineBytes: 1_000_000)
/// while let line = reader.next() {
///     switch line {
///     case .text(let bytes): handle(bytes)
///     case .oversize(let size): print("line of \(size) bytes skipped")
///     }
/// }
/// ```
final class LineReader {
    /// One line of input, without its newline (and carriage return).
    enum Line: Equatable {
        case text(Data)
        /// A line over the limit; its length in bytes.
        case oversize(bytes: Int)
    }

    let handle: FileHandle
    let maxLineBytes: Int
    /// Bytes read from the file but not yet returned, from `position` on.
    private var chunk = Data()
    private var position = 0
    /// The start of the current line, when it spans several chunks.
    private var pending = Data()
    /// Bytes of the current line so far when it is over the limit (then `pending` stays empty).
    private var skipped: Int?
    private var finished = false
    static let chunkSize = 1 << 20

    init(handle: FileHandle, maxLineBytes: Int = .max) {
        self.handle = handle
        self.maxLineBytes = maxLineBytes
    }

    convenience init(path: String?, maxLineBytes: Int = .max) throws {
        if let path, path != "-" {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CLIError("cannot open \(path); check the path")
            }
            self.init(handle: handle, maxLineBytes: maxLineBytes)
        } else {
            self.init(handle: .standardInput, maxLineBytes: maxLineBytes)
        }
    }

    /// The next line, or nil at the end of the input.
    func next() -> Line? {
        while true {
            if position < chunk.count {
                if let newline = Self.newline(in: chunk, from: position) {
                    let piece = chunk[chunk.startIndex + position..<chunk.startIndex + newline]
                    position = newline + 1
                    return finishLine(with: piece)
                }
                add(chunk[(chunk.startIndex + position)...])
                position = chunk.count
            }
            if finished {
                guard skipped != nil || !pending.isEmpty else { return nil }
                return finishLine(with: Data())
            }
            chunk = handle.readData(ofLength: Self.chunkSize)
            position = 0
            if chunk.isEmpty { finished = true }
        }
    }

    /// Adds part of a line that continues in the next chunk.
    private func add(_ piece: Data) {
        if let count = skipped {
            skipped = count + piece.count
        } else if pending.count + piece.count > maxLineBytes {
            skipped = pending.count + piece.count
            pending = Data()
        } else {
            pending.append(piece)
        }
    }

    /// Ends the current line with its last piece.
    private func finishLine(with piece: Data) -> Line {
        if let count = skipped {
            skipped = nil
            return .oversize(bytes: count + piece.count)
        }
        var line: Data
        if pending.isEmpty {
            line = Data(piece)
        } else {
            line = pending
            line.append(piece)
            pending = Data()
        }
        if line.last == 0x0D { line.removeLast() }
        return line.count > maxLineBytes ? .oversize(bytes: line.count) : .text(line)
    }

    /// The offset (from the start of `data`) of the first newline at or after `offset`.
    static func newline(in data: Data, from offset: Int) -> Int? {
        data.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, offset < buffer.count else { return nil }
            guard let found = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }
}

extension LineReader.Line {
    /// Blank or only spaces, tabs and carriage returns.
    var isBlank: Bool {
        guard case .text(let bytes) = self else { return false }
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
