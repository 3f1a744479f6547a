import Foundation

/// An input position: partition and offset of a record in the input topic.
struct WorkerSourceOffset: Hashable, Comparable, CustomStringConvertible {
    var partition: Int32
    var offset: Int64

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.partition, lhs.offset) < (rhs.partition, rhs.offset)
    }

    var description: String { "[\(partition)]@\(offset)" }
}

/// One record read back with kcat: exact key and value bytes, and the headers as kcat prints them (`n=v,n=v`).
struct WorkerTopicRecord {
    var partition: Int32
    var offset: Int64
    var key: [UInt8]?
    var value: [UInt8]?
    var rawHeaders: String

    /// The value of header `name`. Header values other than `mm-dlq-error` never contain a comma, so splitting on
    /// `,name=` is unambiguous for the names the tests read.
    func header(_ name: String) -> String? {
        let text = "," + rawHeaders
        guard let range = text.range(of: ",\(name)=") else { return nil }
        let rest = text[range.upperBound...]
        return String(rest.prefix { $0 != "," })
    }

    /// For a dead letter: where its input came from (`mm-src-partition`, `mm-src-offset`).
    var deadLetterSource: WorkerSourceOffset? {
        guard let partition = header("mm-src-partition").flatMap({ Int32($0) }),
            let offset = header("mm-src-offset").flatMap({ Int64($0) })
        else { return nil }
        return WorkerSourceOffset(partition: partition, offset: offset)
    }

    /// For an enriched record: `processing.input.{topic,partition,offset}`.
    var enrichedInput: (topic: String, source: WorkerSourceOffset, rawID: String?)? {
        guard let value,
            let object = try? JSONSerialization.jsonObject(with: Data(value)) as? [String: Any],
            let processing = object["processing"] as? [String: Any],
            let input = processing["input"] as? [String: Any],
            let topic = input["topic"] as? String,
            let partition = (input["partition"] as? NSNumber)?.int32Value,
            let offset = (input["offset"] as? NSNumber)?.int64Value
        else { return nil }
        return (topic, WorkerSourceOffset(partition: partition, offset: offset), object["raw_id"] as? String)
    }
}

/// Reads whole topics with kcat (`-C -o beginning -e`), byte-exact: the format prints lengths before the key and
/// value, so binary and invalid UTF-8 payloads survive, and a terminator no record contains ends each entry.
enum WorkerKcat {
    static let terminator: [UInt8] = [0x1E, 0x1F, 0x0A]

    static func read(topic: String, brokers: String, directory: URL) async throws -> [WorkerTopicRecord] {
        let kcat = try executable()
        let child = try WorkerChildProcess(
            name: "kcat-\(topic)", executable: kcat,
            arguments: [
                "-C", "-b", brokers, "-t", topic, "-o", "beginning", "-e", "-q",
                "-f", "%p\\t%o\\t%K\\t%S\\t%k%s%h\\x1e\\x1f\\n",
            ],
            logDirectory: directory)
        let status = await child.finish(timeout: .seconds(90))
        guard status == 0 else {
            throw WorkerTestError("kcat reading \(topic) exited with \(status)\n\(child.tail())")
        }
        let bytes = [UInt8](child.stdoutBytes)
        try? FileManager.default.removeItem(at: child.stdoutURL)
        return try parse(bytes, topic: topic)
    }

    static func parse(_ bytes: [UInt8], topic: String) throws -> [WorkerTopicRecord] {
        var records: [WorkerTopicRecord] = []
        var index = 0
        func field() throws -> Int64 {
            var end = index
            while end < bytes.count && bytes[end] != 0x09 { end += 1 }
            guard end < bytes.count, let number = Int64(String(decoding: bytes[index..<end], as: UTF8.self)) else {
                throw WorkerTestError("kcat output for \(topic) is malformed at byte \(index)")
            }
            index = end + 1
            return number
        }
        while index < bytes.count {
            let partition = try field()
            let offset = try field()
            let keyLength = try field()
            let valueLength = try field()
            let keyCount = max(0, Int(keyLength))
            let valueCount = max(0, Int(valueLength))
            guard index + keyCount + valueCount <= bytes.count else {
                throw WorkerTestError("kcat output for \(topic) is truncated at offset \(offset)")
            }
            let key = keyLength < 0 ? nil : Array(bytes[index..<index + keyCount])
            index += keyCount
            let value = valueLength < 0 ? nil : Array(bytes[index..<index + valueCount])
            index += valueCount
            var end = index
            while end + terminator.count <= bytes.count && Array(bytes[end..<end + terminator.count]) != terminator {
                end += 1
            }
            guard end + terminator.count <= bytes.count else {
                throw WorkerTestError("kcat output for \(topic): no record terminator after offset \(offset)")
            }
            let headers = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end + terminator.count
            records.append(
                WorkerTopicRecord(
                    partition: Int32(partition), offset: offset, key: key, value: value, rawHeaders: headers))
        }
        return records
    }

    static func executable() throws -> String {
        for path in ["/usr/bin/kcat", "/usr/local/bin/kcat", "/usr/bin/kafkacat"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw WorkerTestError("kcat is not installed; run `make test` (scripts/setup.sh installs it)")
    }
}
