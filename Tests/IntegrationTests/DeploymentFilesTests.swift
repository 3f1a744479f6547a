import Foundation
import Testing

/// What the deployment files copy or reference exists in a clean clone: every `COPY` source of the
/// Containerfile is tracked by git (a git-ignored file there breaks the image build on a clean checkout).
@Suite struct DeploymentFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized

    /// The sources of every `COPY` that copies from the build context (not `--from=` another stage).
    static func copySources(of containerfile: String) -> [String] {
        containerfile.split(separator: "\n").flatMap { line -> [String] in
            let words = line.split(separator: " ").map(String.init)
            guard words.first == "COPY", !words.contains(where: { $0.hasPrefix("--from=") }) else { return [] }
            let arguments = words.dropFirst().filter { !$0.hasPrefix("--") }
            return arguments.dropLast().map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        }
    }

    func trackedFiles(under path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", Self.root.path, "ls-files", "--", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.split(separator: "\n").map(String.init)
    }

    @Test func everyFileTheContainerfileCopiesIsTrackedByGit() throws {
        let containerfile = try String(
            contentsOf: Self.root.appendingPathComponent("deploy/container/Containerfile"), encoding: .utf8)
        let sources = Self.copySources(of: containerfile)
        #expect(sources.contains("Package.swift") && sources.contains("Sources"))
        for source in sources {
            #expect(try !trackedFiles(under: source).isEmpty, "the Containerfile copies \(source), which git does not track")
        }
    }

    @Test func theParserSeesAGitIgnoredFile() {
        #expect(Self.copySources(of: "COPY Package.swift Package.resolved ./\nCOPY --from=x /a /b\n")
            == ["Package.swift", "Package.resolved"])
    }
}
