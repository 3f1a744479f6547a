/// A place from GeoNames, as listed in `Model/places.tsv`.
///
/// ```swift
/// let paris = Place(geonameID: 2988507, kind: .city, population: 2138551, name: "Paris")
/// paris.namespacedID  // "geonames:2988507"
/// ```
public struct Place: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case country, region, continent, city
    }

    public var geonameID: Int
    public var kind: Kind
    public var population: Int
    /// The GeoNames display name.
    public var name: String

    public init(geonameID: Int, kind: Kind, population: Int, name: String) {
        self.geonameID = geonameID
        self.kind = kind
        self.population = population
        self.name = name
    }

    public var namespacedID: String { "geonames:\(geonameID)" }
}
