import ClipperCore
import Foundation

/// Replaces `${VAR}` and `${VAR:default}` in every string of a config with environment values, the way
/// Redpanda Connect does. A `${VAR}` with no value and no default is a config problem. `${HOSTNAME}` is the host
/// name (gethostname) when the environment has no HOSTNAME: systemd and most shells do not export it.
///
/// ```yaml
/// kafka:
///   bootstrap_servers: ${KAFKA_BROKERS:localhost:9092}
///   security: { sasl_password: "${KAFKA_PASSWORD}" }
/// ```
enum EnvironmentInterpolation {
    static func apply(_ value: JSONValue, environment: [String: String], path: String, problems: ProblemCollector)
        -> JSONValue
    {
        switch value {
        case .string(let text):
            guard text.contains("${") else { return value }
            return .string(substitute(text, environment: environment, path: path, problems: problems))
        case .array(let items):
            return .array(
                items.enumerated().map { index, item in
                    apply(item, environment: environment, path: "\(path)[\(index)]", problems: problems)
                })
        case .object(let members):
            return .object(
                Dictionary(
                    uniqueKeysWithValues: members.map { key, item in
                        (
                            key,
                            apply(
                                item, environment: environment, path: path.isEmpty ? key : "\(path).\(key)",
                                problems: problems)
                        )
                    }))
        default:
            return value
        }
    }

    /// The value of a variable the environment does not carry but the process knows: `HOSTNAME` only.
    static func implicitValue(of name: Substring) -> String? {
        name == "HOSTNAME" ? HostName.current : nil
    }

    static func substitute(_ text: String, environment: [String: String], path: String, problems: ProblemCollector)
        -> String
    {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            output += rest[rest.startIndex..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                problems.add(path, "unclosed ${ in \"\(text)\"; write ${NAME} or ${NAME:default}")
                return text
            }
            let inner = rest[open.upperBound..<close]
            let name: Substring
            let fallback: Substring?
            if let colon = inner.firstIndex(of: ":") {
                name = inner[inner.startIndex..<colon]
                fallback = inner[inner.index(after: colon)...]
            } else {
                name = inner
                fallback = nil
            }
            if let value = environment[String(name)] ?? implicitValue(of: name), !value.isEmpty {
                output += value
            } else if let fallback {
                output += fallback
            } else {
                problems.add(path, "environment variable \(name) is not set; set it or write ${\(name):default}")
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }
}
