/// A place as listed in `Model/places.tsv`: a GeoNames country, continent or city, or a first-level
/// subdivision identified by its ISO 3166-2 code (GeoNames' admin-1 ids are not in an open offline package).
///
/// ```swift
/// let paris = Place(namespacedID: "geonames:2988507", kind: .city, population: 2138551, name: "Paris")
/// Place.namespacedID(fromColumn: "2988507")  // "geonames:2988507"
/// ```
public struct Place: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case country, region, continent, city
    }

    /// `geonames:<id>` or `iso3166-2:<code>`: one id whatever language the name was written in.
    public var namespacedID: String
    public var kind: Kind
    /// GeoNames population; 0 for subdivisions, whose population the list does not carry.
    public var population: Int
    /// The display name (GeoNames' English name; the local name for subdivisions).
    public var name: String

    public init(namespacedID: String, kind: Kind, population: Int, name: String) {
        self.namespacedID = namespacedID
        self.kind = kind
        self.population = population
        self.name = name
    }

    /// The id column of `places.tsv`: a bare number is a GeoNames id, anything else is already namespaced.
    public static func namespacedID(fromColumn column: Substring) -> String? {
        if let number = Int(column) { return "geonames:\(number)" }
        return column.contains(":") ? String(column) : nil
    }
}
