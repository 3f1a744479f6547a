import Foundation
import Testing

/// Follows the README's "Writing a processor plugin" on a scratch plugin: its processor code and its registration
/// lines (the blocks marked `<!-- registration: … -->`) are applied to copies of `Package.swift` and
/// `BuiltInCatalog.swift`, then the manifest is evaluated and the plugin and the catalog are compiled with the
/// package's own compiler flags against the modules already built. No full package build: about 10 s.
@Suite struct PluginRegistrationGuideTests {
    static let root = DeploymentFilesTests.root

    /// Code blocks after `<!-- registration: LABEL -->`, by label.
    static func registrationBlocks(_ readme: String) -> [String: String] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [String: String] = [:]
        for (index, line) in lines.enumerated() {
            guard let match = line.firstMatch(of: /^<!-- registration: (.+) -->$/), index + 1 < lines.count,
                lines[index + 1].hasPrefix("```")
            else { continue }
            blocks[String(match.output.1)] = lines[(index + 2)...].prefix { !$0.hasPrefix("```") }.joined(separator: "\n")
        }
        return blocks
    }

    /// Inserts `text` after the first line that starts with `anchor` (trimmed), or before the first line after it
    /// that starts with `closing`, when given.
    static func insert(_ text: String, into file: String, after anchor: String, beforeClosing closing: String? = nil)
        throws -> String
    {
        var lines = file.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(anchor) }, "\(anchor)")
        var position = start + 1
        if let closing {
            position = try #require(lines[position...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(closing) })
        }
        lines.insert(text, at: position)
        return lines.joined(separator: "\n")
    }

    /// The compiler flags SwiftPM used for ClipperCatalog (module search paths, C module maps, language mode,
    /// upcoming features, warnings as errors), read from the build's llbuild manifest.
    static func catalogCompilerFlags(buildDirectory: URL) throws -> [String] {
        let manifest = try String(contentsOf: buildDirectory.appendingPathComponent("debug.yaml"), encoding: .utf8)
        let lines = manifest.split(separator: "\n")
        let entry = try #require(lines.firstIndex { $0.hasPrefix("  \"C.ClipperCatalog-") && $0.contains("debug.module") },
                                 "ClipperCatalog is not in \(buildDirectory.path)/debug.yaml: build first")
        let argsLine = try #require(lines[entry...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("args: ") })
        let json = argsLine[try #require(argsLine.firstIndex(of: "["))...]
        let arguments = try JSONDecoder().decode([String].self, from: Data(json.utf8))
        let withValue: Set<String> = ["-I", "-target", "-Xcc", "-module-cache-path", "-swift-version",
                                      "-enable-upcoming-feature", "-package-name"]
        var flags: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if withValue.contains(argument), index + 1 < arguments.count {
                flags += [argument, arguments[index + 1]]
                index += 2
                continue
            }
            if argument.hasPrefix("-D") || argument == "-warnings-as-errors" || argument == "-Onone" { flags.append(argument) }
            index += 1
        }
        return flags
    }

    static func swiftc(_ arguments: [String]) throws -> CommandRun {
        try CommandRun(["swiftc"] + arguments, timeout: 300)
    }

    @Test(.timeLimit(.minutes(5))) func theReadmesRegistrationStepsCompile() throws {
        let started = Date()
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = Self.registrationBlocks(readme)
        let processor = try #require(blocks["Plugins/UppercaseTitle/Sources/UppercaseTitleProcessor.swift"])
        let packageLine = try #require(blocks["Package.swift, in processorPlugins"])
        let importLine = try #require(blocks["BuiltInCatalog.swift, with the imports"])
        let catalogLine = try #require(blocks["BuiltInCatalog.swift, in builtIn"])
        #expect(readme.contains("Register it: three lines"), "the README should say how many lines it takes")
        #expect([packageLine, importLine, catalogLine].allSatisfy { $0.split(separator: "\n").count == 1 })

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clipper-plugin-guide-\(UUID().uuidString)")
        let modules = scratch.appendingPathComponent("Modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        // Package.swift: the manifest declares the plugin, its tests, and links it into the catalog.
        let package = try Self.insert(
            packageLine, into: String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8),
            after: "let processorPlugins: [ProcessorPlugin] = [")
        try Data(package.utf8).write(to: scratch.appendingPathComponent("Package.swift"))
        let dump = try CommandRun(["swift", "package", "dump-package", "--package-path", scratch.path], timeout: 120)
        try #require(dump.status == 0, "dump-package:\n\(dump.output)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let targets = (manifest["targets"] as? [[String: Any]]) ?? []
        let plugin = targets.first { $0["name"] as? String == "UppercaseTitle" }
        #expect(plugin?["path"] as? String == "Plugins/UppercaseTitle/Sources")
        let tests = targets.first { $0["name"] as? String == "UppercaseTitleTests" }
        #expect(tests?["path"] as? String == "Plugins/UppercaseTitle/Tests")
        let catalog = targets.first { $0["name"] as? String == "ClipperCatalog" }
        let catalogDependencies = String(describing: catalog?["dependencies"] ?? "none")
        #expect(catalogDependencies.contains("UppercaseTitle"), "ClipperCatalog does not depend on the plugin")

        // The plugin's module, from the README's code, with the package's flags.
        var buildDirectory = URL(fileURLWithPath: try WorkerTestEnvironment.clipperBinary()).resolvingSymlinksInPath()
        while !FileManager.default.fileExists(atPath: buildDirectory.appendingPathComponent("debug.yaml").path) {
            try #require(buildDirectory.path != "/", "no debug.yaml above the clipper binary: build with SwiftPM first")
            buildDirectory.deleteLastPathComponent()
        }
        let flags = try Self.catalogCompilerFlags(buildDirectory: buildDirectory)
        let source = scratch.appendingPathComponent("UppercaseTitleProcessor.swift")
        try Data(processor.utf8).write(to: source)
        let module = try Self.swiftc(
            ["-module-name", "UppercaseTitle", "-parse-as-library", "-emit-module", "-emit-module-path",
             modules.appendingPathComponent("UppercaseTitle.swiftmodule").path, source.path] + flags)
        try #require(module.status == 0, "the README's processor does not compile:\n\(module.output)")

        // BuiltInCatalog.swift with the two README lines type-checks; without the import it does not.
        let original = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/ClipperCatalog/BuiltInCatalog.swift"), encoding: .utf8)
        let withEntry = try Self.insert(catalogLine, into: original, after: "public static let builtIn", beforeClosing: "])")
        let lastImport = try #require(original.split(separator: "\n").last { $0.hasPrefix("import ") })
        let registered = try Self.insert(importLine, into: withEntry, after: String(lastImport))
        for (name, text, shouldCompile) in [("registered", registered, true), ("without-import", withEntry, false)] {
            let file = scratch.appendingPathComponent("BuiltInCatalog-\(name).swift")
            try Data(text.utf8).write(to: file)
            let check = try Self.swiftc(
                ["-typecheck", "-module-name", "ClipperCatalog", "-parse-as-library", "-I", modules.path, file.path] + flags)
            if shouldCompile {
                #expect(check.status == 0, "BuiltInCatalog.swift with the README's lines:\n\(check.output)")
            } else {
                #expect(check.status != 0 && check.output.contains("cannot find 'UppercaseTitleProcessor' in scope"),
                        "the import line should be needed:\n\(check.output)")
            }
        }
        print("PluginRegistrationGuideTests: \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    @Test func theBlocksAreFoundByLabel() {
        let text = "<!-- registration: A, here -->\n```swift\nline a\n```\ntext\n<!-- registration: B -->\n```swift\nb1\nb2\n```\n"
        #expect(Self.registrationBlocks(text) == ["A, here": "line a", "B": "b1\nb2"])
    }
}
