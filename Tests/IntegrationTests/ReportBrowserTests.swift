import Foundation
import Testing

/// `clipper report` renders in a real headless Chromium: highlighted entities of every type, the duplicate
/// clusters and inline SVG charts are in the DOM the browser builds, and the page loads nothing from elsewhere.
@Suite struct ReportBrowserTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Config/samples/articles.jsonl").standardized

    /// Runs a program to completion and returns its stdout; fails the test with its stderr when it fails.
    func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw WorkerTestError("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func chromium() throws -> String {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM_BIN"] ?? "", "/usr/bin/chromium",
                          "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let found = candidates.first(where: { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw WorkerTestError("no headless Chromium found (CHROMIUM_BIN, /usr/bin/chromium): run scripts/setup.sh")
        }
        return found
    }

    @Test func reportOfTheSamplesRendersInHeadlessChromium() throws {
        let clipper = try WorkerTestEnvironment.clipperBinary()
        let directory = try WorkerTestEnvironment.scratchDirectory("report")
        let enriched = try run(clipper, [
            "process", "--state", directory.appendingPathComponent("state").path,
            "--processors", "normalize,language,entities,dedup", "--input", Self.samples.path,
        ])
        let records = directory.appendingPathComponent("enriched.jsonl")
        try (enriched + "null\n").write(to: records, atomically: true, encoding: .utf8)
        let page = directory.appendingPathComponent("report.html")
        let summary = try run(clipper, ["report", records.path, "-o", page.path, "--title", "Samples"])
        #expect(summary.contains("17 articles, 1 not enriched"))

        let dom = try run(try Self.chromium(), [
            "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.absoluteURL.absoluteString,
        ])
        for type in ["PER", "ORG", "LOC"] {
            #expect(dom.contains("<mark class=\"ent ent-\(type)\""), "no highlighted \(type) in the rendered page")
        }
        #expect(dom.contains("title=\"PER: Sigmar Gabriel\">Sigmar Gabriel</mark>"))
        #expect(dom.contains("href=\"https://www.geonames.org/2950159\""))  // Berlin, linked to its id
        #expect(dom.contains("class=\"cluster\""))
        #expect(dom.contains("copy, similarity"))
        #expect(dom.contains("<svg class=\"chart\""))
        #expect(dom.contains("id=\"count-not-enriched\">1<"))
        #expect(!dom.contains("src=\"http") && !dom.contains("<link") && !dom.contains("<script"))
    }
}
