import ClipperCatalog
import ClipperCore
import Foundation
import Testing

/// Each plugin README's settings table is the one `clipper processors --format markdown` renders from the
/// descriptor, between the markers below, so documentation and code cannot drift apart.
@Suite struct PluginReadmeTests {
    static let begin = "<!-- settings: generated from the descriptor (clipper processors --format markdown) -->"
    static let end = "<!-- /settings -->"

    @Test(arguments: ProcessorCatalog.builtIn.entries.map(\.folder))
    func theReadmeSettingsTableMatchesTheDescriptor(folder: String) throws {
        let entry = try #require(ProcessorCatalog.builtIn.entries.first { $0.folder == folder })
        let readme = try String(
            contentsOf: CatalogGuardTests.repositoryRoot.appending(path: "Plugins/\(folder)/README.md"), encoding: .utf8)
        let expected = SettingsTable.markdown(entry.descriptor.configFields)
        guard let start = readme.range(of: Self.begin), let stop = readme.range(of: Self.end),
            start.upperBound <= stop.lowerBound
        else {
            Issue.record("Plugins/\(folder)/README.md has no \(Self.begin) … \(Self.end) block; add one with:\n\(expected)")
            return
        }
        let table = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .newlines) + "\n"
        #expect(table == expected, "Plugins/\(folder)/README.md settings table is stale; replace it with:\n\(expected)")
    }
}
