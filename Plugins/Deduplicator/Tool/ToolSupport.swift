import Deduplicator
import Foundation

/// A message for the user of the tool.
struct ToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The labelled pairs of `dev_pairs.jsonl` (see its README).
struct DevPairs {
    struct Document: Decodable {
        let id: String
        let text: String
    }

    struct Pair: Decodable {
        let id: String
        let label: String
        let kind: String
        let a: Document
        let b: Document
    }

    let pairs: [Pair]

    /// Every distinct document, in file order (a before b on each line).
    var distinctDocuments: [Document] {
        var seen: Set<String> = []
        var documents: [Document] = []
        for pair in pairs {
            for document in [pair.a, pair.b] where seen.insert(document.id).inserted { documents.append(document) }
        }
        return documents
    }

    static func load(_ path: String) throws -> DevPairs {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolError("cannot read \(path); pass the path of dev_pairs.jsonl")
        }
        let decoder = JSONDecoder()
        let pairs = try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map {
            try decoder.decode(Pair.self, from: Data($0))
        }
        return DevPairs(pairs: pairs)
    }
}

extension PreparedDocument {
    /// A dev document as the processor would see a body-only article from one unnamed source.
    init(_ document: DevPairs.Document) {
        self.init(docID: document.id, sourceKey: "", title: nil, body: document.text)
    }
}

/// Prints one JSON object per line on standard output.
func emit(_ object: [String: Any]) {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
        FileHandle.standardError.write(Data("cannot write \(object) as JSON\n".utf8))
        return
    }
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

func temporaryStateFile() -> URL {
    FileManager.default.temporaryDirectory.appending(path: "dedup-tool-\(UUID().uuidString)/dedup.sqlite")
}

func removeState(_ file: URL) {
    try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
}

func directorySize(_ folder: URL) -> Int {
    let files =
        (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.fileSizeKey])) ?? []
    return files.reduce(0) { $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) }
}

/// Resident set size of this process, from /proc/self/status (Linux).
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }
    return 0
}
