import ClipperCatalog
import ClipperCore
import Foundation
import Testing

@testable import ClipperKafka
@testable import ClipperWorker

/// Issue 15 item 5 and the max_record_bytes rule of item 2: configs that cannot work are refused, each problem on
/// one line naming the key and the fix; misspelled secrets are never echoed.
@Suite struct ConfigSafetyTests {
    let directory = URL(fileURLWithPath: "/tmp")

    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try ConfigurationLoader.parse(yaml, directory: directory, environment: [:], catalog: .builtIn)
            return []
        } catch let problems as ConfigProblems {
            return problems.problems
        } catch {
            return [ConfigProblem(path: "?", message: "\(error)")]
        }
    }

    func lint(_ yaml: String) throws -> [ConfigProblem] {
        let file = FileManager.default.temporaryDirectory.appending(path: "clipper-safety-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return ConfigLinter.lint(file: file, environment: [:], catalog: .builtIn)
    }

    @Test func anInputTopicThatIsAlsoTheOutputOrDeadLetterTopicIsRefused() {
        let loop = problems("kafka: { topics: { input: t, output: t, dead_letter: t } }\nprocessors: [normalize]\n")
        #expect(loop.map(\.path) == ["kafka.topics.output", "kafka.topics.dead_letter"], "\(loop)")
        #expect(loop.allSatisfy { $0.message.contains("consumed again") })
        let listed = problems("kafka: { topics: { input: [a, b], output: b } }\nprocessors: [normalize]\n")
        #expect(listed.map(\.path) == ["kafka.topics.output"], "\(listed)")
        #expect(problems("kafka: { topics: { input: a, output: b, dead_letter: c } }\nprocessors: [normalize]\n").isEmpty)
    }

    @Test func anEmptyInputListOrProcessorListIsRefused() {
        let empty = problems("kafka: { topics: { input: [] } }\nprocessors: []\n")
        #expect(empty.map(\.path) == ["kafka.topics.input", "processors"], "\(empty)")
        #expect(empty[0].message.contains("e.g. input: articles.raw"))
        #expect(empty[1].message.contains("clipper processors"))
    }

    @Test func maxRecordBytesMustStayUnderTheProducersMessageMaxBytes() throws {
        let base = "kafka: { topics: { input: a, output: b, dead_letter: c } }\nprocessors: [normalize]\n"
        let tooBig = try lint(base + "worker: { max_record_bytes: 1000000 }\n")
        #expect(tooBig.count == 1, "\(tooBig)")
        #expect(tooBig.first?.path == "worker.max_record_bytes")
        #expect(tooBig.first?.message.contains("at most 934464") == true, "\(tooBig)")
        #expect(tooBig.first?.description.contains("\n") == false)
        let raised = try lint(
            "processors: [normalize]\nworker: { max_record_bytes: 1000000 }\n"
                + "kafka: { producer_properties: { message.max.bytes: \"2000000\" }, "
                + "topics: { input: a, output: b, dead_letter: c } }\n")
        #expect(raised.isEmpty, "\(raised)")
        #expect(try lint(base).isEmpty, "the shipped default max_record_bytes must pass")
        #expect(ConfigurationRules.checkRecordSize(try ConfigurationLoader.parse("{}", directory: directory, environment: [:])) == nil)
    }

    @Test func aMisspelledSecretPropertyIsNeverEchoed() throws {
        let secret = "hunter2-\(UUID().uuidString.prefix(8))"
        let yaml = """
            kafka:
              consumer_properties: { sasl.passwrod: "\(secret)", my.api.key: "\(secret)", fetch.wait.max.ms: "100" }
            processors: [normalize]
            """
        let configuration = try ConfigurationLoader.parse(yaml, directory: directory, environment: [:])
        let printed = ConfigurationPrinter.yaml(configuration, catalog: .builtIn)
        #expect(!printed.contains(secret))
        #expect(printed.contains("sasl.passwrod: <redacted>"))
        #expect(printed.contains("fetch.wait.max.ms: '100'") || printed.contains("fetch.wait.max.ms: \"100\""), "\(printed)")
        let linted = try lint(yaml)
        #expect(!linted.isEmpty)
        #expect(!linted.map(\.description).joined().contains(secret), "\(linted)")
        #expect(PropertyRedaction.hides(name: "sasl.pasword"), "unknown to librdkafka: hidden whatever its name")
        #expect(!PropertyRedaction.hides(name: "linger.ms"))
    }

    @Test func lintGivesTheLineAndColumnOfTheKey() throws {
        let yaml = "kafka:\n  group_id: g\n  bootstrap_server: x:9092\nprocessors:\n  - name: normalize\n  - name: nosuch\n"
        let found = try lint(yaml)
        let typo = try #require(found.first { $0.path == "kafka.bootstrap_server" })
        #expect(typo.line == 3 && typo.column == 3, "\(typo)")
        let processor = try #require(found.first { $0.path == "processors[1].name" })
        #expect(processor.line == 6 && processor.column == 5, "\(processor)")
        let syntax = try lint("kafka:\n  group_id: [unclosed\n")
        #expect(syntax.count == 1)
        #expect(syntax.first?.line != nil && syntax.first?.message.hasPrefix("not valid YAML") == true, "\(syntax)")
        #expect(syntax.first?.description.contains("\n") == false)
    }

    @Test func environmentFilesReadLikeSystemd() throws {
        let values = try EnvironmentFile.parse("# comment\n\nexport A=1\nB=\"two words\"\nC='x=y'\n")
        #expect(values == ["A": "1", "B": "two words", "C": "x=y"])
        #expect(throws: ConfigProblems.self) { try EnvironmentFile.parse("A=1\nnot a pair\n") }
    }
}

/// Issue 15 item 6: replay and reset-offsets refuse nonsense, checked without a broker.
@Suite struct ReplayRefusalTests {
    let now = Date(timeIntervalSince1970: 2_000_000_000)
    let watermarks: [Int32: (low: Int64, high: Int64)] = [0: (0, 100), 1: (10, 50)]

    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func requestsThatCannotMeanAnythingAreRefused() throws {
        let later = ReplayRequest(start: .timestamp(now - 60), end: .timestamp(now - 120))
        #expect(message { try later.check(now: now) }?.contains("is not before --until") == true)
        let future = ReplayRequest(start: .timestamp(now + 60))
        #expect(message { try future.check(now: now) }?.contains("in the future") == true)
        let backwards = ReplayRequest(start: .offsets(.all(500)), end: .offsets(.all(100)))
        #expect(message { try backwards.check(now: now) }?.contains("--from-offset 500 is after --until-offset 100") == true)
        let perPartition = ReplayRequest(
            start: .offsets(try OffsetSpec.parse("0:5,1:40")), end: .offsets(try OffsetSpec.parse("1:20")))
        #expect(message { try perPartition.check(now: now) }?.contains("for partition 1") == true)
        #expect(message { try ReplayRequest(start: .earliest).check(now: now) } == nil)
        #expect(message { try ReplayRequest(start: .timestamp(now - 120), end: .timestamp(now - 60)).check(now: now) } == nil)
    }

    @Test func offsetsTheTopicDoesNotHaveAreRefusedNotClamped() throws {
        let past = ReplayRequest(start: .offsets(.all(101)))
        #expect(message { try ReplayPlan.check(past, topic: "t", watermarks: watermarks) }?
            .contains("past the end of t partition 0") == true)
        let pastEnd = ReplayRequest(start: .earliest, end: .offsets(try OffsetSpec.parse("1:51")))
        #expect(message { try ReplayPlan.check(pastEnd, topic: "t", watermarks: watermarks) }?
            .contains("--until-offset 51 is past the end of t partition 1") == true)
        let missing = ReplayRequest(start: .offsets(try OffsetSpec.parse("7:0")))
        #expect(message { try ReplayPlan.check(missing, topic: "t", watermarks: watermarks) }?
            .contains("partition 7 does not exist; t has 2 partitions (0-1)") == true)
        let fine = ReplayRequest(start: .offsets(try OffsetSpec.parse("0:100,1:10")), end: .offsets(.all(50)))
        #expect(message { try ReplayPlan.check(fine, topic: "t", watermarks: watermarks) } == nil)
    }

    @Test func resetsThatLookLikeMistakesNeedForce() {
        let moves = [
            OffsetReset.Move(partition: 0, committed: 5000, new: 0, low: 0, high: 8),
            OffsetReset.Move(partition: 1, committed: 8, new: 0, low: 0, high: 8),
        ]
        let reasons = OffsetReset.needsForce(moves, request: ReplayRequest(start: .earliest), now: now)
        #expect(reasons.count == 1)
        #expect(reasons.first?.contains("partition 0 would move back 5000 records") == true)
        let future = OffsetReset.needsForce(
            [moves[1]], request: ReplayRequest(start: .timestamp(now + 3600)), now: now)
        #expect(future.count == 1 && future[0].contains("in the future"), "\(future)")
        #expect(OffsetReset.needsForce([moves[1]], request: ReplayRequest(start: .earliest), now: now).isEmpty)
    }

    @Test func liveMembersAreShownByClientIDAndHost() {
        let member = GroupDescription.Member(memberID: "m-1", clientID: "clipper-a", host: "/10.0.0.7")
        #expect(OffsetReset.describe(member) == "client id clipper-a on host /10.0.0.7 (member m-1)")
        let blank = OffsetReset.describe(GroupDescription.Member(memberID: "m-2", clientID: "", host: ""))
        #expect(!blank.contains("@") && blank.contains("(no client id)") && blank.contains("(host not reported"))
        let tansu = OffsetReset.describe(GroupDescription.Member(
            memberID: "clipper-bf0021cc-07e9-4bf6-90ad-3c94fa22d103", clientID: "", host: ""))
        #expect(tansu.hasPrefix("client id clipper on host"), "\(tansu)")
    }
}
