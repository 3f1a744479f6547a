import ClipperCore

/// The document-level type of an entity: the type with the most support over all its mentions.
///
/// Each mention votes for its type with its confidence; a watchlist entry decides outright (the user listed it);
/// a gazetteer place adds one vote for LOC per group, weighted by how well known the place is (a country more
/// than a town). Ties go to LOC, then PER, then ORG.
///
/// ```swift
/// // "Berlin" tagged PER once (0.6) and LOC once (0.7), and listed as a capital city:
/// TypeVote.winner(of: mentions)  // .location
/// ```
public enum TypeVote {
    public static func winner(of candidates: [Candidate]) -> EntityType {
        if let listed = candidates.first(where: { $0.source == .watchlist }) { return listed.type }
        var votes: [EntityType: Double] = [:]
        for candidate in candidates { votes[candidate.type, default: 0] += candidate.confidence }
        if let place = candidates.first(where: { $0.place != nil })?.place {
            votes[.location, default: 0] += placeWeight(place)
        }
        let order: [EntityType] = [.location, .person, .organisation]
        return order.max { (votes[$0] ?? -1) < (votes[$1] ?? -1) } ?? .location
    }

    /// How much a gazetteer listing says "this is a place": countries, continents and regions are names of
    /// places almost everywhere they appear; a town's name is often also a surname.
    static func placeWeight(_ place: Place) -> Double {
        switch place.kind {
        case .country, .continent, .region: 1.0
        case .city: place.population >= 1_000_000 ? 0.75 : 0.3
        }
    }
}
