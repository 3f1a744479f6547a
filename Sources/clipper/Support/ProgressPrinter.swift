import ClipperWorker
import Foundation
import Synchronization

/// Shows replay progress on stderr: redrawn in place on a terminal, a plain line every 5 s otherwise.
final class ProgressPrinter: Sendable {
    let terminal: Bool
    private let state = Mutex<(lines: Int, lastPlain: Date)>((0, .distantPast))

    init(terminal: Bool) { self.terminal = terminal }

    func show(_ progress: ReplayProgress) {
        let text = progress.render(terminal: terminal)
        state.withLock { state in
            if terminal {
                let up = state.lines > 0 ? "\u{1B}[\(state.lines)F" : ""
                let cleared = text.split(separator: "\n").map { "\u{1B}[2K" + $0 }.joined(separator: "\n")
                FileHandle.standardError.write(Data((up + cleared + "\n").utf8))
                state.lines = text.split(separator: "\n").count
            } else if Date().timeIntervalSince(state.lastPlain) >= 5 {
                FileHandle.standardError.write(Data((text.trimmingCharacters(in: .whitespaces) + "\n").utf8))
                state.lastPlain = Date()
            }
        }
    }

    func finish() {}
}
