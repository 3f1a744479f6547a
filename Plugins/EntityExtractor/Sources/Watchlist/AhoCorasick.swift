/// Aho–Corasick automaton over scalar values: finds every occurrence of every pattern in one pass,
/// in time linear in the text plus the number of matches.
///
/// ```swift
/// let automaton = AhoCorasick(patterns: [Array("he".unicodeScalars.map(\.value)), Array("she".unicodeScalars.map(\.value))])
/// automaton.matches(in: Array("ushers".unicodeScalars.map(\.value)))
/// // [(pattern: 1, end: 4), (pattern: 0, end: 4)]  (end exclusive)
/// ```
public struct AhoCorasick: Sendable {
    struct Node: Sendable {
        var next: [UInt32: Int32] = [:]
        var fail: Int32 = 0
        /// Patterns ending here.
        var outputs: [Int32] = []
        /// Nearest node on the failure chain that has outputs (-1 = none).
        var outputLink: Int32 = -1
    }

    var nodes: [Node] = [Node()]
    public let patternLengths: [Int]

    public init(patterns: [[UInt32]]) {
        patternLengths = patterns.map(\.count)
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for value in pattern {
                if let child = nodes[state].next[value] {
                    state = Int(child)
                } else {
                    nodes.append(Node())
                    nodes[state].next[value] = Int32(nodes.count - 1)
                    state = nodes.count - 1
                }
            }
            nodes[state].outputs.append(Int32(index))
        }
        buildFailureLinks()
    }

    private mutating func buildFailureLinks() {
        var queue: [Int] = []
        for (_, child) in nodes[0].next {
            nodes[Int(child)].fail = 0
            queue.append(Int(child))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (value, child) in nodes[state].next {
                queue.append(Int(child))
                var fallback = Int(nodes[state].fail)
                while fallback != 0 && nodes[fallback].next[value] == nil { fallback = Int(nodes[fallback].fail) }
                let target = nodes[fallback].next[value].map(Int.init) ?? 0
                nodes[Int(child)].fail = Int32(target == Int(child) ? 0 : target)
                let failNode = Int(nodes[Int(child)].fail)
                nodes[Int(child)].outputLink =
                    nodes[failNode].outputs.isEmpty ? nodes[failNode].outputLink : Int32(failNode)
            }
        }
    }

    /// Every occurrence: the pattern index and the end offset (exclusive) in `text`.
    public func matches(in text: [UInt32]) -> [(pattern: Int, end: Int)] {
        var found: [(pattern: Int, end: Int)] = []
        var state = 0
        for (offset, value) in text.enumerated() {
            while state != 0 && nodes[state].next[value] == nil { state = Int(nodes[state].fail) }
            state = nodes[state].next[value].map(Int.init) ?? 0
            var reporter = nodes[state].outputs.isEmpty ? Int(nodes[state].outputLink) : state
            while reporter >= 0 {
                for pattern in nodes[reporter].outputs { found.append((Int(pattern), offset + 1)) }
                reporter = Int(nodes[reporter].outputLink)
            }
        }
        return found
    }
}
