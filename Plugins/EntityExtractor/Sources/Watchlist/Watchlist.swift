import ClipperCore
import Foundation
import Yams

/// The analyst's tracked entities, read from `Config/watchlist.yaml`.
///
/// ```yaml
/// entities:
///   - id: vladimir-putin
///     type: PER
///     name: Vladimir Putin
///     aliases: [Putin, Владимир Путин, Путин]
/// ```
///
/// ```swift
/// let watchlist = try Watchlist.load(from: URL(fileURLWithPath: "Config/watchlist.yaml"))
/// watchlist.entries.first?.namespacedID  // "watch:vladimir-putin"
/// ```
public struct Watchlist: Sendable, Decodable {
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// One tracked entity.
    public struct Entry: Sendable, Decodable, Hashable {
        public var id: String
        public var type: EntityType
        /// Canonical display name; also matched.
        public var name: String
        public var aliases: [String]

        public init(id: String, type: EntityType, name: String, aliases: [String] = []) {
            self.id = id
            self.type = type
            self.name = name
            self.aliases = aliases
        }

        public var namespacedID: String { "watch:\(id)" }

        enum CodingKeys: String, CodingKey { case id, type, name, aliases }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            type = try container.decode(EntityType.self, forKey: .type)
            name = try container.decode(String.self, forKey: .name)
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    enum CodingKeys: String, CodingKey { case entries = "entities" }

    /// Reads and validates a watchlist file. Errors name the config key and say how to fix the file.
    public static func load(from url: URL) throws -> Watchlist {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ProcessorSetupError(
                processor: "entities", key: "watchlist",
                message: "file \(url.path) not found; create it (see Config/watchlist.yaml) or point "
                    + "`watchlist` at an existing file, or set it to \"\" to run without a watchlist")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let watchlist: Watchlist
        do {
            watchlist = try YAMLDecoder().decode(Watchlist.self, from: text)
        } catch {
            throw ProcessorSetupError(
                processor: "entities", key: "watchlist",
                message: "\(url.path) is not a valid watchlist (\(error)); expected `entities:` with id, "
                    + "type (PER, ORG or LOC), name and aliases per item")
        }
        var seen: Set<String> = []
        for entry in watchlist.entries where !seen.insert(entry.id).inserted {
            throw ProcessorSetupError(
                processor: "entities", key: "watchlist",
                message: "\(url.path) lists id \"\(entry.id)\" twice; give each entity its own id")
        }
        return watchlist
    }
}
