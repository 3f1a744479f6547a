import Foundation

/// Reads a file or stdin line by line as raw bytes, so invalid UTF-8 reaches the decoder (and its clear error)
/// instead of being silently repaired.
///
/// ```swift
/// let reader = LineReader(handle: .standardInput)
/// while let line = reader.next() { handle(line) }
/// ```
final class LineReader {
    let handle: FileHandle
    var buffer = Data()
    /// Where the unread part of `buffer` starts; the buffer is compacted only when it is refilled, so a line costs
    /// one copy of itself, not a copy of everything after it.
    var position = 0
    var finished = false

    init(handle: FileHandle) { self.handle = handle }

    convenience init(path: String?) throws {
        if let path, path != "-" {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CLIError("cannot open \(path); check the path")
            }
            self.init(handle: handle)
        } else {
            self.init(handle: .standardInput)
        }
    }

    /// The next line without its newline, or nil at the end.
    func next() -> Data? {
        while true {
            let start = buffer.startIndex + position
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = buffer[start..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                position = newline + 1 - buffer.startIndex
                return Data(line)
            }
            if finished {
                guard start < buffer.endIndex else { return nil }
                defer { position = buffer.count }
                return Data(buffer[start...])
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            buffer = Data(buffer[start...])
            position = 0
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
