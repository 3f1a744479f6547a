import ArgumentParser
import ClipperWorker
import Foundation

/// `clipper report`: one self-contained HTML page from enriched JSONL, for an analyst.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn enriched JSONL into one self-contained HTML page (entities highlighted, clusters, charts).",
        discussion: """
            Reads the output of `clipper process`, `clipper replay --output FILE` or a topic dumped with \
            `kcat -C -e -q -f '%s\\n'`: one enriched record per line; `null` lines (dead-lettered or dropped \
            records) are counted. The page has no external assets: open it anywhere, mail it, archive it.

              clipper process --processors normalize,language,entities,dedup < Config/samples/articles.jsonl \\
                | clipper report -o report.html
            """)

    @Argument(help: "Enriched JSONL file; reads stdin when omitted.")
    var input: String?

    @Option(name: [.short, .long], help: "Where to write the page.")
    var output = "clipper-report.html"

    @Option(name: .long, help: "The page's heading.")
    var title = "Clipper report"

    func run() async throws {
        let data: Data
        if let input {
            guard let contents = FileManager.default.contents(atPath: input) else {
                throw ValidationError("cannot read \(input): check the path, or pipe the records on stdin")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let page = ReportPage(input: ReportInput(jsonl: String(decoding: data, as: UTF8.self)), title: title)
        do {
            try page.html.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(output): \(error.localizedDescription)")
        }
        let input = page.input
        print(
            "wrote \(output): \(input.articles.count) articles, \(input.notEnriched) not enriched, "
                + "\(input.unreadableLines.count) unreadable lines")
    }
}
