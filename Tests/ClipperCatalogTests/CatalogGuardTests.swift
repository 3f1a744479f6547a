import ClipperCatalog
import ClipperCore
import ClipperTesting
import Foundation
import Testing

/// Guards the rule "a plugin is one folder under Plugins/ plus one line in the catalog".
@Suite struct CatalogGuardTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func pluginFolders() throws -> [String] {
        let plugins = repositoryRoot.appending(path: "Plugins")
        return try FileManager.default.contentsOfDirectory(atPath: plugins.path)
            .filter { name in
                var isDirectory: ObjCBool = false
                return !name.hasPrefix(".")
                    && FileManager.default.fileExists(atPath: plugins.appending(path: name).path, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            }
            .sorted()
    }

    @Test func everyPluginFolderIsInTheCatalogAndEveryEntryHasAFolder() throws {
        let folders = try Self.pluginFolders()
        let catalogued = ProcessorCatalog.builtIn.entries.map(\.folder).sorted()
        #expect(!folders.isEmpty)
        #expect(folders == catalogued, "Plugins/ folders \(folders) must match catalog entries \(catalogued)")
    }

    @Test func everyPluginFolderHasSourcesTestsAndAReadme() throws {
        for folder in try Self.pluginFolders() {
            let base = Self.repositoryRoot.appending(path: "Plugins/\(folder)")
            for part in ["Sources", "Tests", "README.md"] {
                #expect(FileManager.default.fileExists(atPath: base.appending(path: part).path), "Plugins/\(folder)/\(part) is missing")
            }
        }
    }

    @Test func namesAreUniqueSnakeCaseAndVersionsAreSemantic() {
        let names = ProcessorCatalog.builtIn.names
        #expect(Set(names).count == names.count)
        for entry in ProcessorCatalog.builtIn.entries {
            let descriptor = entry.descriptor
            #expect(descriptor.name.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil, "\(descriptor.name)")
            #expect(descriptor.version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(descriptor.version)")
            #expect(!descriptor.summary.isEmpty)
            #expect(!descriptor.writes.isEmpty)
            for field in descriptor.configFields {
                #expect(field.type.accepts(field.defaultValue), "\(descriptor.name).\(field.name) default has the wrong type")
                #expect(!field.description.isEmpty)
            }
        }
    }

    @Test func everyPluginDeclaresExamples() {
        for entry in ProcessorCatalog.builtIn.entries {
            #expect(!entry.descriptor.examples.isEmpty, "\(entry.descriptor.name) declares no runnable examples")
        }
    }

    @Test(arguments: ProcessorCatalog.builtIn.names)
    func declaredExamplesHold(processor: String) async throws {
        let state = FileManager.default.temporaryDirectory.appending(path: "clipper-catalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ProcessorEnvironment(
            configDirectory: Self.repositoryRoot.appending(path: "Config"), stateDirectory: state)
        let harness = ProcessorHarness(catalog: .builtIn, environment: environment)
        let failures = try await harness.runExamples(of: processor)
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func everyProcessorBuildsWithItsDefaults() throws {
        let environment = ProcessorEnvironment(
            configDirectory: Self.repositoryRoot.appending(path: "Config"),
            stateDirectory: FileManager.default.temporaryDirectory.appending(path: "clipper-defaults-\(UUID().uuidString)"))
        for name in ProcessorCatalog.builtIn.names {
            _ = try ProcessorCatalog.builtIn.makeStep(ProcessorSpec(name: name), environment: environment)
        }
    }
}
