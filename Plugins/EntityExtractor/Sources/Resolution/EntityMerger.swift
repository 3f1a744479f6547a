import ClipperCore

/// Merges the mentions of one article into entities and scores their salience.
///
/// Mentions with the same id are one entity. Mentions without an id are grouped by type and case-folded
/// surface; then a short person mention ("Putin", "Merkel") joins the person whose longer name ends with it
/// ("Vladimir Putin"), wherever in the article that longer name appears, and takes the person type even if
/// the tagger guessed another type for the short form.
///
/// ```swift
/// let entities = EntityMerger.merge(candidates, fieldLengths: [.body: 1200], extractor: "perceptron-en@1")
/// ```
public enum EntityMerger {
    /// Field weights for salience: a name in the title counts more than one deep in the body.
    static let fieldWeight: [TextField: Double] = [.title: 3, .description: 2, .body: 1]

    public static func merge(
        _ candidates: [Candidate], fieldLengths: [TextField: Int], extractor: (Candidate) -> String
    ) -> [Entity] {
        var groups: [Group] = []
        var groupByKey: [String: Int] = [:]
        let ordered = candidates.sorted { ($0.field.order, $0.start) < ($1.field.order, $1.start) }

        // Pass 1: everything except single-word person (or ambiguous) mentions that may be a surname.
        var deferred: [Candidate] = []
        for candidate in ordered {
            if candidate.id == nil && candidate.surface.wordCount == 1 && candidate.type != .location {
                deferred.append(candidate)
                continue
            }
            add(candidate, key: key(of: candidate), to: &groups, index: &groupByKey)
        }
        // Pass 2: a single word that ends a known person's name joins that person.
        var surnames: [String: Int] = [:]
        for (index, group) in groups.enumerated() where group.type == .person {
            for name in group.names where name.wordCount > 1 {
                if let last = name.lastWord { surnames[last.lowercased()] = surnames[last.lowercased()] ?? index }
            }
        }
        for candidate in deferred {
            if let index = surnames[candidate.surface.lowercased()] {
                groups[index].candidates.append(candidate)
            } else {
                add(candidate, key: key(of: candidate), to: &groups, index: &groupByKey)
            }
        }
        let scores = groups.map { salienceScore($0, fieldLengths: fieldLengths) }
        let top = scores.max() ?? 1
        return groups.enumerated().map { index, group in
            let mentions = group.candidates.sorted { ($0.field.order, $0.start) < ($1.field.order, $1.start) }
            let best = group.candidates.max { $0.confidence < $1.confidence }!
            return Entity(
                id: group.id, type: group.type, name: group.canonicalName, mentions: mentions.map(\.mention),
                salience: top > 0 ? (scores[index] / top * 1000).rounded() / 1000 : 0,
                confidence: (best.confidence * 1000).rounded() / 1000, extractor: extractor(best))
        }
        .sorted { ($0.salience ?? 0, $1.name) > ($1.salience ?? 0, $0.name) }
    }

    struct Group {
        var id: String?
        var type: EntityType
        var candidates: [Candidate]

        var names: [String] { candidates.map(\.surface) }

        /// The list's name when there is one, else the longest surface without a possessive.
        var canonicalName: String {
            if let listed = candidates.first(where: { $0.canonicalName != nil })?.canonicalName { return listed }
            let longest = candidates.map(\.surface).max { ($0.wordCount, $0.count) < ($1.wordCount, $1.count) } ?? ""
            return longest
        }
    }

    static func key(of candidate: Candidate) -> String {
        if let id = candidate.id { return id }
        return candidate.type.rawValue + "|" + candidate.surface.lowercased()
    }

    static func add(_ candidate: Candidate, key: String, to groups: inout [Group], index: inout [String: Int]) {
        if let existing = index[key] {
            groups[existing].candidates.append(candidate)
        } else {
            index[key] = groups.count
            groups.append(Group(id: candidate.id, type: candidate.type, candidates: [candidate]))
        }
    }

    /// Sum over mentions of the field weight, with body mentions counting less the later they come.
    static func salienceScore(_ group: Group, fieldLengths: [TextField: Int]) -> Double {
        group.candidates.reduce(0) { total, candidate in
            let weight = fieldWeight[candidate.field] ?? 1
            let length = Double(max(fieldLengths[candidate.field] ?? 1, 1))
            let position = candidate.field == .body ? 1 - 0.5 * Double(candidate.start) / length : 1
            return total + weight * position
        }
    }
}

extension TextField {
    var order: Int {
        switch self {
        case .title: 0
        case .description: 1
        case .body: 2
        }
    }
}

extension String {
    var wordCount: Int { split(whereSeparator: { $0.isWhitespace }).count }
    var lastWord: String? { split(whereSeparator: { $0.isWhitespace }).last.map(String.init) }
}
