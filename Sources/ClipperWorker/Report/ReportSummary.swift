import ClipperCore

/// The numbers at the top of a report: articles per language, top entities, duplicate clusters.
///
/// ```swift
/// let summary = ReportSummary(articles: input.articles)
/// summary.languages.first  // (code: "en", count: 5)
/// ```
public struct ReportSummary: Sendable {
    public struct TopEntity: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var id: String?
        /// Articles that mention it.
        public var articles: Int
    }

    /// One story with more than one article: the first member and its copies, as indices into the articles, in
    /// input order.
    public struct Cluster: Sendable {
        public var id: String
        public var members: [Int]
    }

    public var languages: [(code: String, count: Int)]
    public var entityTypes: [(type: EntityType, count: Int)]
    public var topEntities: [TopEntity]
    public var clusters: [Cluster]

    public init(articles: [Article], topCount: Int = 15) {
        var languageCounts: [String: Int] = [:]
        var typeCounts: [EntityType: Int] = [:]
        var entityArticles: [String: TopEntity] = [:]
        var clusterMembers: [String: [Int]] = [:]
        var clusterOrder: [String] = []
        for (index, article) in articles.enumerated() {
            languageCounts[article.language?.code ?? "und", default: 0] += 1
            for entity in article.entities ?? [] {
                typeCounts[entity.type, default: 0] += 1
                let key = entity.id ?? "\(entity.type.rawValue)|\(entity.name)"
                entityArticles[
                    key, default: TopEntity(name: entity.name, type: entity.type, id: entity.id, articles: 0)
                ]
                .articles += 1
            }
            if let cluster = article.dedup?.clusterID {
                if clusterMembers[cluster] == nil { clusterOrder.append(cluster) }
                clusterMembers[cluster, default: []].append(index)
            }
        }
        languages = languageCounts.map { ($0.key, $0.value) }.sorted { ($0.count, $1.code) > ($1.count, $0.code) }
        entityTypes = typeCounts.map { ($0.key, $0.value) }.sorted { $0.type.rawValue < $1.type.rawValue }
        topEntities = entityArticles.values.sorted { ($0.articles, $1.name) > ($1.articles, $0.name) }
            .prefix(topCount).map { $0 }
        clusters = clusterOrder.compactMap { id in
            guard let members = clusterMembers[id], members.count > 1 else { return nil }
            return Cluster(id: id, members: members)
        }
    }
}
