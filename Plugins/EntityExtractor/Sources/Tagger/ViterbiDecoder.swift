/// First-order Viterbi over per-token label scores plus transition scores: linear in the number of tokens.
/// Ties go to the lowest label index, as in `scripts/pytagger.py`.
///
/// ```swift
/// let path = ViterbiDecoder.decode(emissions: scores, tokenCount: 3, labelCount: 7, transitions: model.transitions)
/// ```
public enum ViterbiDecoder {
    /// The best label index per token, and per token the margin (in model units) between the best path and the
    /// best path that differs from it at that token only.
    public static func decode(emissions: [Int], tokenCount: Int, labelCount: Int, transitions: [Int]) -> (
        path: [Int], margins: [Int]
    ) {
        guard tokenCount > 0 else { return ([], []) }
        let startRow = labelCount * labelCount
        var path = [Int](repeating: 0, count: tokenCount)
        // Scores and back-pointers live in one scratch buffer for the call: no arrays per token or per call.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: (tokenCount + 2) * labelCount) { scratch in
            var score = UnsafeMutableBufferPointer(rebasing: scratch[0..<labelCount])
            var next = UnsafeMutableBufferPointer(rebasing: scratch[labelCount..<(2 * labelCount)])
            let back = UnsafeMutableBufferPointer(rebasing: scratch[(2 * labelCount)...])
            for label in 0..<labelCount { score[label] = transitions[startRow + label] + emissions[label] }
            for index in 1..<tokenCount {
                for current in 0..<labelCount {
                    var best = Int.min
                    var bestPrevious = 0
                    for previous in 0..<labelCount {
                        let candidate = score[previous] + transitions[previous * labelCount + current]
                        if candidate > best {
                            best = candidate
                            bestPrevious = previous
                        }
                    }
                    back[index * labelCount + current] = bestPrevious
                    next[current] = best + emissions[index * labelCount + current]
                }
                swap(&score, &next)
            }
            var last = 0
            for label in 1..<labelCount where score[label] > score[last] { last = label }
            path[tokenCount - 1] = last
            var index = tokenCount - 1
            while index > 0 {
                path[index - 1] = back[index * labelCount + path[index]]
                index -= 1
            }
        }
        var margins = [Int](repeating: 0, count: tokenCount)
        // A token's margin: how much the path loses if only this token's label changes (its emission plus the
        // transitions in and out). Never negative, since the path is optimal; forbidden labels lose hugely.
        for index in 0..<tokenCount {
            let base = index * labelCount
            let previousRow = index == 0 ? startRow : path[index - 1] * labelCount
            func local(_ label: Int) -> Int {
                var total = transitions[previousRow + label] + emissions[base + label]
                if index + 1 < tokenCount { total += transitions[label * labelCount + path[index + 1]] }
                return total
            }
            let chosen = local(path[index])
            var runnerUp = Int.min
            for label in 0..<labelCount where label != path[index] { runnerUp = max(runnerUp, local(label)) }
            margins[index] = runnerUp == Int.min ? 0 : chosen - runnerUp
        }
        return (path, margins)
    }
}
