import Foundation
import Yams

/// Finds where in the YAML text a problem's key path is, so `clipper lint` can print `file:line:column:` like a
/// compiler. Uses the marks Yams keeps on every node; a path that is only partly in the file (a missing key) gets
/// the position of its deepest part that is.
///
/// ```swift
/// let located = ConfigLocator.locate([ConfigProblem(path: "kafka.bootstrap_server", message: "unknown key")],
///                                    in: "kafka:\n  bootstrap_server: x\n")
/// located[0].line // 2
/// located[0].column // 3
/// ```
enum ConfigLocator {
    static func locate(_ problems: [ConfigProblem], in text: String) -> [ConfigProblem] {
        guard let root = try? Yams.compose(yaml: text) else { return problems }
        return problems.map { problem in
            guard problem.line == nil, let mark = find(Substring(problem.path), in: root) else { return problem }
            var located = problem
            located.line = mark.line
            located.column = mark.column
            return located
        }
    }

    /// The mark of `path` (`kafka.topics.input[1]`, `processors[0].config.x`) below `node`. Mapping keys may
    /// contain dots (librdkafka property names), so the longest key that prefixes the path wins.
    static func find(_ path: Substring, in node: Node) -> Mark? {
        if path.isEmpty { return node.mark }
        switch node {
        case .mapping(let mapping):
            var best: (key: Node, value: Node, rest: Substring)?
            for (key, value) in mapping {
                guard let name = key.string, path.hasPrefix(name) else { continue }
                let rest = path.dropFirst(name.count)
                guard rest.isEmpty || rest.first == "." || rest.first == "[" else { continue }
                if best == nil || name.count > (best?.key.string?.count ?? 0) { best = (key, value, rest) }
            }
            guard let best else { return nil }
            if best.rest.isEmpty { return best.key.mark }
            let rest = best.rest.first == "." ? best.rest.dropFirst() : best.rest
            return find(rest, in: best.value) ?? best.key.mark
        case .sequence(let sequence):
            guard path.first == "[", let close = path.firstIndex(of: "]"),
                let index = Int(path[path.index(after: path.startIndex)..<close]), index >= 0, index < sequence.count
            else { return nil }
            let item = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
            var rest = path[path.index(after: close)...]
            if rest.first == "." { rest = rest.dropFirst() }
            return find(rest, in: item) ?? item.mark
        default:
            return nil
        }
    }

    /// A one-line problem, with its position, for a YAML syntax error (Yams' own text spans several lines).
    static func syntaxProblem(_ error: any Error) -> ConfigProblem {
        var problem = ConfigProblem(path: "(file)", message: "not valid YAML: \(error)")
        if let error = error as? YamlError {
            switch error {
            case .scanner(let context, let text, let mark, _), .parser(let context, let text, let mark, _),
                .composer(let context, let text, let mark, _):
                problem.message = "not valid YAML: \(text)" + (context.map { " \($0.text) at \($0.mark)" } ?? "")
                problem.line = mark.line
                problem.column = mark.column
            default:
                break
            }
        }
        problem.message = problem.message.split(separator: "\n").first.map(String.init) ?? problem.message
        return problem
    }
}
