import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// GETs against the worker's operations endpoint, and a small Prometheus text-format parser.
enum WorkerHTTP {
    struct Reply {
        var status: Int
        var body: String
    }

    /// `GET http://127.0.0.1:port/path`; `nil` when nothing answers (connection refused, timeout).
    static func get(port: Int, path: String, timeout: TimeInterval = 5) async -> Reply? {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { return nil }
        var request = URLRequest(url: url)
        request.timeoutInterval = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Reply?, Never>) in
            session.dataTask(with: request) { data, response, error in
                guard error == nil, let http = response as? HTTPURLResponse else {
                    continuation.resume(returning: nil)
                    return
                }
                continuation.resume(
                    returning: Reply(
                        status: http.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self)))
            }.resume()
        }
    }
}

/// Samples of a Prometheus text exposition: `name{label="v",…} value` lines (comments skipped).
struct WorkerPrometheusText {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var samples: [Sample] = []
    /// Lines that are neither comments, blank, nor parseable samples.
    var malformedLines: [String] = []

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            if let sample = Self.parse(Substring(line)) {
                samples.append(sample)
            } else {
                malformedLines.append(String(line))
            }
        }
    }

    static func parse(_ line: Substring) -> Sample? {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
            return nil
        }
        let series = line[..<space]
        guard let brace = series.firstIndex(of: "{") else {
            return Sample(name: String(series), labels: [:], value: value)
        }
        guard series.last == "}" else { return nil }
        let name = String(series[..<brace])
        var labels: [String: String] = [:]
        var rest = series[series.index(after: brace)..<series.index(before: series.endIndex)]
        while !rest.isEmpty {
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            rest = rest[rest.index(after: equals)...]
            guard rest.first == "\"" else { return nil }
            rest = rest.dropFirst()
            var value = ""
            var escaped = false
            var closed = false
            while let character = rest.first {
                rest = rest.dropFirst()
                if escaped {
                    value.append(character == "n" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    closed = true
                    break
                } else {
                    value.append(character)
                }
            }
            guard closed else { return nil }
            labels[key] = value
            rest = rest.drop { $0 == "," || $0 == " " }
        }
        return Sample(name: name, labels: labels, value: value)
    }

    /// Sum of every sample named `name` whose labels include `matching`.
    func sum(_ name: String, matching: [String: String] = [:]) -> Double {
        samples.filter { sample in
            sample.name == name && matching.allSatisfy { sample.labels[$0.key] == $0.value }
        }.reduce(0) { $0 + $1.value }
    }

    func contains(_ name: String) -> Bool { samples.contains { $0.name == name } }
}
