import ClipperCore

/// Merges the mentions of one article into entities and scores their salience.
///
/// Mentions with the same id, or naming the same gazetteer place, are one entity; other mentions are grouped by
/// case-folded surface, whatever type the tagger gave each one. A short person mention ("Putin", "Merkel")
/// joins the person whose longer name ends with it ("Vladimir Putin"). Each entity then takes the
/// best-supported type (``TypeVote``): every mention's confidence counts, and so does gazetteer evidence, so
/// one wrong tag does not turn a capital city into a person.
///
/// ```swift
/// let entities = EntityMerger.merge(candidates, fieldLengths: [.body: 1200], extractor: extractorName)
/// ```
public enum EntityMerger {
    /// Field weights for salience: a name in the title counts more than one deep in the body.
    static let fieldWeight: [TextField: Double] = [.title: 3, .description: 2, .body: 1]

    /// - Parameter taggerFloor: entities found by the tagger alone (no id, no list hit) whose best mention is
    ///   below this confidence are dropped (``LanguageSupport/confidenceFloor``: precision before recall).
    public static func merge(
        _ candidates: [Candidate], fieldLengths: [TextField: Int], taggerFloor: Double = 0,
        extractor: (Candidate) -> String
    ) -> [Entity] {
        var groups = Groups()
        let ordered = candidates.sorted { ($0.field.order, $0.start) < ($1.field.order, $1.start) }

        // Pass 1: mentions with an id or a gazetteer place, except single words the tagger did not call a place
        // (they may be a surname: "Washington" after "George Washington").
        var unlisted: [Candidate] = []
        var deferred: [Candidate] = []
        for candidate in ordered {
            if candidate.id == nil && candidate.surface.wordCount == 1 && candidate.type != .location {
                deferred.append(candidate)
            } else if let key = listedKey(of: candidate) {
                groups.add(candidate, key: key)
            } else {
                unlisted.append(candidate)
            }
        }
        // Pass 2: other multi-word and place mentions join a group of the same surface, or start one.
        for candidate in unlisted { groups.add(candidate, key: groups.key(forSurfaceOf: candidate)) }
        // Pass 3: a single word that ends a known person's name joins that person.
        var surnames: [String: Int] = [:]
        for (index, group) in groups.all.enumerated() where TypeVote.winner(of: group.candidates) == .person {
            for name in group.candidates.map(\.surface) where name.wordCount > 1 {
                if let last = name.lastWord?.lowercased() { surnames[last] = surnames[last] ?? index }
            }
        }
        for candidate in deferred {
            if let index = surnames[candidate.surface.lowercased()] {
                groups.all[index].candidates.append(candidate)
            } else {
                groups.add(candidate, key: listedKey(of: candidate) ?? groups.key(forSurfaceOf: candidate))
            }
        }
        let entities = groups.all.map { resolve($0) }.filter { resolved in
            resolved.best.confidence >= taggerFloor || resolved.id != nil
                || resolved.candidates.contains { $0.source != .tagger }
        }
        let scores = entities.map { salienceScore($0.candidates, fieldLengths: fieldLengths) }
        let top = scores.max() ?? 1
        return entities.enumerated().map { index, resolved in
            let mentions = resolved.candidates.sorted { ($0.field.order, $0.start) < ($1.field.order, $1.start) }
            let best = resolved.best
            return Entity(
                id: resolved.id, type: resolved.type, name: resolved.name, mentions: mentions.map(\.mention),
                salience: top > 0 ? (scores[index] / top * 1000).rounded() / 1000 : 0,
                confidence: (best.confidence * 1000).rounded() / 1000, extractor: extractor(best))
        }
        .sorted { ($0.salience ?? 0, $1.name) > ($1.salience ?? 0, $0.name) }
    }

    /// The grouping key of a mention that a list identified: its id, or its gazetteer place's id.
    static func listedKey(of candidate: Candidate) -> String? {
        candidate.id ?? candidate.place?.namespacedID
    }

    struct Group {
        var key: String
        var candidates: [Candidate]
    }

    /// Groups by key, remembering which surfaces each group has so that unlisted mentions can join it.
    struct Groups {
        var all: [Group] = []
        var byKey: [String: Int] = [:]
        var bySurface: [String: String] = [:]

        mutating func add(_ candidate: Candidate, key: String) {
            if let existing = byKey[key] {
                all[existing].candidates.append(candidate)
            } else {
                byKey[key] = all.count
                all.append(Group(key: key, candidates: [candidate]))
            }
            let surface = candidate.surface.lowercased()
            if bySurface[surface] == nil { bySurface[surface] = key }
        }

        func key(forSurfaceOf candidate: Candidate) -> String {
            let surface = candidate.surface.lowercased()
            return bySurface[surface] ?? "surface|" + surface
        }
    }

    /// A group after the type vote: its type, id and name, and the mentions that count.
    struct Resolved {
        var id: String?
        var type: EntityType
        var name: String
        var candidates: [Candidate]
        var best: Candidate
    }

    static func resolve(_ group: Group) -> Resolved {
        let type = TypeVote.winner(of: group.candidates)
        let winning = group.candidates.filter { $0.type == type }
        let best =
            (winning.isEmpty ? group.candidates : winning).max { $0.confidence < $1.confidence } ?? group.candidates[0]
        let listed = group.candidates.first { $0.id != nil }
        let place = group.candidates.first { $0.place != nil }?.place
        var candidates = group.candidates
        for index in candidates.indices { candidates[index].type = type }
        if let listed, let id = listed.id, listed.type == type || listed.source == .watchlist {
            return Resolved(
                id: id, type: type, name: listed.canonicalName ?? listed.surface, candidates: candidates, best: best)
        }
        if type == .location, let place {
            return Resolved(id: place.namespacedID, type: type, name: place.name, candidates: candidates, best: best)
        }
        let longest = group.candidates.map(\.surface).max { ($0.wordCount, $0.count) < ($1.wordCount, $1.count) } ?? ""
        return Resolved(id: nil, type: type, name: longest, candidates: candidates, best: best)
    }

    /// Sum over mentions of the field weight, with body mentions counting less the later they come.
    static func salienceScore(_ candidates: [Candidate], fieldLengths: [TextField: Int]) -> Double {
        candidates.reduce(0) { total, candidate in
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
