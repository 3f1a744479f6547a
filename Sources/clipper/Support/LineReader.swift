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
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                buffer = Data(buffer[buffer.index(after: newline)...])
                return Data(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return buffer
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
