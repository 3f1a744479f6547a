import ClipperKafka
import Foundation
import Synchronization

/// SplitMix64: a tiny seeded generator, so every run produces the same articles.
struct WorkerSeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One generated input record and what it was made to be.
struct WorkerTestArticle {
    enum Kind: String, CaseIterable {
        case valid
        /// Truncated mid-record: not JSON at all.
        case invalidJSON
        /// JSON whose title holds the bytes 0xFF 0xFE (never valid UTF-8).
        case invalidUTF8
        /// A valid article larger than `worker.max_record_bytes`.
        case oversized

        /// The dead-letter reason the worker must give, or `nil` when it must publish the article.
        var expectedReason: String? {
            switch self {
            case .valid: nil
            case .invalidJSON, .invalidUTF8: "deserialize"
            case .oversized: "oversize"
            }
        }
    }

    var index: Int
    var kind: Kind
    var partition: Int32
    var key: [UInt8]
    var value: [UInt8]
}

enum WorkerTestArticles {
    static let words = [
        "council", "election", "river", "harbour", "minister", "storm", "market", "festival", "court", "railway",
        "university", "hospital", "budget", "bridge", "museum", "strike", "summit", "village", "airport", "energy",
        "Lisbon", "Nairobi", "Oslo", "Quito", "Hanoi", "Tbilisi", "Perth", "Accra", "Lyon", "Osaka",
    ]

    /// `count` articles spread round-robin over `partitions`. With `faults`, about 1 % are invalid JSON, 0.5 %
    /// invalid UTF-8 and 0.3 % oversized (over `maxRecordBytes`); at least one of each kind is always present.
    static func generate(count: Int, partitions: Int32, seed: UInt64, faults: Bool, maxRecordBytes: Int = 4096)
        -> [WorkerTestArticle]
    {
        var rng = WorkerSeededGenerator(seed: seed)
        return (0..<count).map { index in
            var kind = WorkerTestArticle.Kind.valid
            if faults {
                let roll = Int(rng.next() % 1000)
                switch roll {
                case ..<10: kind = .invalidJSON
                case 10..<15: kind = .invalidUTF8
                case 15..<18: kind = .oversized
                default: kind = .valid
                }
                // Guarantee every kind appears, early, whatever the seed.
                if index == 7 { kind = .invalidJSON }
                if index == 8 { kind = .invalidUTF8 }
                if index == 9 { kind = .oversized }
            }
            let value = makeValue(index: index, kind: kind, maxRecordBytes: maxRecordBytes, rng: &rng)
            return WorkerTestArticle(
                index: index, kind: kind, partition: Int32(index % Int(partitions)), key: Array("it-\(index)".utf8),
                value: value)
        }
    }

    static func sentence(_ length: Int, rng: inout WorkerSeededGenerator) -> String {
        (0..<length).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
    }

    static func makeValue(
        index: Int, kind: WorkerTestArticle.Kind, maxRecordBytes: Int, rng: inout WorkerSeededGenerator
    )
        -> [UInt8]
    {
        let title = sentence(4 + Int(rng.next() % 5), rng: &rng).capitalized
        var body = sentence(20 + Int(rng.next() % 25), rng: &rng) + "."
        if kind == .oversized {
            while body.utf8.count <= maxRecordBytes + 500 { body += " " + sentence(40, rng: &rng) + "." }
        }
        let object: [String: Any] = [
            "id": "it-\(index)",
            "url": "https://news.example.org/\(index)/\(title.lowercased().replacingOccurrences(of: " ", with: "-"))",
            "source": ["id": "news.example.org", "name": "Example News"],
            "title": title, "body": body, "published_at": "2026-11-27T08:00:00Z",
        ]
        let json = Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        switch kind {
        case .valid, .oversized:
            return json
        case .invalidJSON:
            // Cut inside the body string: unterminated string and object.
            return Array(json.prefix(json.count / 2))
        case .invalidUTF8:
            let marker = Array("\"title\":\"".utf8)
            var bytes = json
            if let start = firstIndex(of: marker, in: bytes) {
                bytes.insert(contentsOf: [0xFF, 0xFE], at: start + marker.count)
            }
            return bytes
        }
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// Produces every article to its partition and waits for all deliveries. Returns input position → article index.
    static func produce(_ articles: [WorkerTestArticle], topic: String, brokers: String) async throws
        -> [WorkerSourceOffset: Int]
    {
        var settings = ProducerSettings(
            client: KafkaClientSettings(bootstrapServers: brokers, clientID: "clipper-it-feed"))
        settings.linger = .milliseconds(5)
        settings.statisticsInterval = nil
        let producer = try KafkaProducer(settings: settings, logger: WorkerTestEnvironment.logger)
        let positions = Mutex<[WorkerSourceOffset: Int]>([:])
        let failures = Mutex<[String]>([])
        for article in articles {
            let index = article.index
            try await producer.produce(
                OutgoingRecord(topic: topic, key: article.key, value: article.value, partition: article.partition)
            ) { result in
                switch result {
                case .success(let report):
                    positions.withLock {
                        $0[WorkerSourceOffset(partition: report.partition, offset: report.offset)] = index
                    }
                case .failure(let error):
                    failures.withLock { $0.append("\(index): \(error)") }
                }
            }
        }
        let flushed = await producer.flush(timeout: .seconds(60))
        _ = await producer.close(timeout: .seconds(10))
        let failed = failures.withLock { $0 }
        guard flushed, failed.isEmpty else {
            throw WorkerTestError("producing the input failed (flushed: \(flushed)): \(failed.prefix(3))")
        }
        let result = positions.withLock { $0 }
        guard result.count == articles.count else {
            throw WorkerTestError("only \(result.count) of \(articles.count) input deliveries were reported")
        }
        return result
    }
}
