import ClipperCatalog
import ClipperCore
import ClipperKafka
import Foundation
import Testing

@testable import ClipperWorker

/// What `/metrics` serves, at the registry level: HELP on every family, the `process_*` metrics, per-partition
/// series that follow the assignment, and the names the README, the dashboard and the alert rules use.
@Suite struct MetricsExpositionTests {
    static func scrape() -> String {
        MetricsBootstrap.ensure()
        return String(decoding: MetricsBootstrap.exposition(), as: UTF8.self)
    }

    /// Metric families in a scrape: the names of its `# TYPE` lines, and those with a `# HELP` line.
    static func families(_ text: String) -> (typed: Set<String>, helped: Set<String>) {
        var typed: Set<String> = []
        var helped: Set<String> = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 3)
            guard words.count >= 3, words[0] == "#" else { continue }
            if words[1] == "TYPE" { typed.insert(String(words[2])) }
            if words[1] == "HELP", words.count == 4, !words[3].isEmpty { helped.insert(String(words[2])) }
        }
        return (typed, helped)
    }

    /// Records one sample of every worker metric in the catalog, through the same calls the worker makes.
    static func recordEveryWorkerMetric() {
        let metrics = WorkerMetrics()
        metrics.recordIn(topic: "help-test", partition: 0)
        metrics.recordOut()
        metrics.recordDrop(processor: "help-test", reason: "test")
        metrics.recordDeadLetter(reason: .deserialize)
        metrics.recordProcessor("help-test", status: .failed, seconds: 0.002)
        for metric in MetricDefinition.worker {
            let dimensions = metric.labels.map { ($0, "help-test") }
            switch metric.kind {
            case .counter: metrics.addToCounter(metric, 1, dimensions: dimensions)
            case .gauge: metrics.setGauge(metric, 1, dimensions: dimensions)
            case .histogram: break
            }
        }
    }

    @Test func everyMetricFamilyHasHelpTextAndIsInTheCatalog() {
        Self.recordEveryWorkerMetric()
        let (typed, helped) = Self.families(Self.scrape())
        #expect(typed.isSuperset(of: MetricDefinition.all.map(\.name)), "missing: \(Set(MetricDefinition.all.map(\.name)).subtracting(typed))")
        #expect(typed.subtracting(helped).isEmpty, "families without HELP: \(typed.subtracting(helped).sorted())")
        #expect(typed.subtracting(MetricDefinition.byName.keys).isEmpty, "not in MetricDefinition.all: \(typed.subtracting(MetricDefinition.byName.keys).sorted())")
    }

    @Test func metricNamesCarryTheirUnit() {
        for metric in MetricDefinition.all {
            #expect(metric.name.range(of: #"^[a-z_]+$"#, options: .regularExpression) != nil, "\(metric.name)")
            #expect((metric.kind == .counter) == metric.name.hasSuffix("_total"), "\(metric.name): counters, and only counters, end in _total")
            #expect(!metric.help.isEmpty && metric.help.count <= 160, "\(metric.name): HELP should be one short line")
        }
        #expect(MetricDefinition.consumerLagRecords.name == "clipper_consumer_lag_records")
        #expect(MetricDefinition.processorDuration.name.hasSuffix("_seconds"))
        #expect(MetricDefinition.inFlightBytes.name.hasSuffix("_bytes"))
        #expect(Set(MetricDefinition.all.map(\.name)).count == MetricDefinition.all.count, "a name is defined twice")
    }

    @Test func promtoolAcceptsTheExposition() throws {
        Self.recordEveryWorkerMetric()
        let result = try Promtool.run(["check", "metrics"], input: Data(Self.scrape().utf8))
        #expect(result.status == 0, "promtool check metrics:\n\(result.output)")
    }

    @Test func lagSeriesOfARevokedPartitionDisappear() {
        let topic = "lag-test-\(UUID().uuidString.prefix(8))"
        let p0 = TopicPartition(topic: topic, partition: 0)
        let p1 = TopicPartition(topic: topic, partition: 1)
        func lagLines() -> [String] {
            Self.scrape().split(separator: "\n").map(String.init).filter {
                $0.hasPrefix("clipper_consumer_lag_records{") && $0.contains(topic)
            }.sorted()
        }
        MetricsBootstrap.ensure()
        var lag = PartitionGaugeSeries(.consumerLagRecords)
        lag.update([p0: 12, p1: 7])
        #expect(lagLines().count == 2, "\(lagLines())")
        #expect(lagLines().contains { $0.contains("partition=\"0\"") && ($0.hasSuffix(" 12") || $0.hasSuffix(" 12.0")) })

        // Partition 0 is revoked: its series goes, partition 1 keeps its new value.
        lag.update([p1: 3])
        #expect(lagLines().count == 1, "\(lagLines())")
        #expect(lagLines().allSatisfy { $0.contains("partition=\"1\"") }, "\(lagLines())")
        #expect(lag.shown == [p1])

        // Assigned again later: the series comes back.
        lag.update([p0: 1, p1: 0])
        #expect(lagLines().count == 2, "\(lagLines())")
        lag.update([:])
        #expect(lagLines().isEmpty, "\(lagLines())")
    }

    @Test func lagAndPausedGaugesCoverOnlyTheAssignedPartitions() {
        let kept = TopicPartition(topic: "t", partition: 0)
        let revoked = TopicPartition(topic: "t", partition: 1)
        var status = PipelineStatus()
        status.assignedPartitions = [kept]
        status.pausedPartitions = [kept]
        // Statistics from before the revoke still list partition 1.
        status.consumerLag = [kept: 5, revoked: 40]
        #expect(status.lagOfAssignedPartitions == [kept: 5])
        #expect(status.pausedFlagsOfAssignedPartitions == [kept: 1])
        status.pausedPartitions = []
        #expect(status.pausedFlagsOfAssignedPartitions == [kept: 0])
    }

    @Test func processMetricsComeFromProc() throws {
        let sample = try #require(ProcessMetrics.sample(), "no /proc on this machine")
        #expect(sample.residentBytes > 1_000_000, "resident \(sample.residentBytes)")
        #expect(sample.virtualBytes >= sample.residentBytes)
        #expect(sample.openFDs >= 3 && sample.maxFDs >= sample.openFDs)
        #expect(sample.cpuSeconds > 0)
        let now = Date().timeIntervalSince1970
        #expect(sample.startTimeSeconds <= now + 1 && sample.startTimeSeconds > now - 86_400, "start \(sample.startTimeSeconds)")
        let text = Self.scrape()
        for metric in MetricDefinition.process {
            #expect(text.contains("# HELP \(metric.name) "), "\(metric.name) missing")
            #expect(text.contains("\n\(metric.name) "), "\(metric.name) has no sample")
        }
    }

    @Test func procSelfStatIsParsedAfterTheCommandName() throws {
        // A command name with a space and a parenthesis; utime 250, stime 50 ticks, start 1000 ticks after boot,
        // vsize 2 MiB, rss 300 pages.
        let stat = "4242 (clip per) R 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 7 0 1000 2097152 300 "
            + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
        let sample = try #require(
            ProcessMetrics(
                selfStat: stat, bootTime: 1_700_000_000, ticksPerSecond: 100, pageSize: 4096, openFDs: 9,
                maxFDs: 1024))
        #expect(sample.cpuSeconds == 3)
        #expect(sample.startTimeSeconds == 1_700_000_010)
        #expect(sample.virtualBytes == 2_097_152)
        #expect(sample.residentBytes == 300 * 4096)
        #expect(ProcessMetrics(selfStat: "garbage", bootTime: 0, ticksPerSecond: 100, pageSize: 4096, openFDs: 0, maxFDs: 0) == nil)
        #expect(ProcessMetrics.bootTime(procStat: "cpu  1 2 3\nbtime 1700000000\nprocesses 5\n") == 1_700_000_000)
        #expect(sample.exposition.contains("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 3\n"))
    }

    @Test func theDeployFilesUseOnlyMetricsThatExist() throws {
        let root = CatalogPaths.repositoryRoot
        let known = Set(MetricDefinition.byName.keys)
        for file in ["deploy/prometheus/clipper-alerts.yml", "deploy/grafana/clipper-dashboard.json", "README.md"] {
            let text = try String(contentsOf: root.appending(path: file), encoding: .utf8)
            let used = Set(
                text.matches(of: /\b(clipper|process)_[a-z_]+/).map { String($0.output.0) }
                    .map { $0.replacing(/_(bucket|count|sum)$/, with: "") }
                    .filter { !$0.hasPrefix("clipper_dedup_") })
            // The README names the old name of a renamed metric, once, to tell users.
            let allowed = file == "README.md" ? known.union(["clipper_consumer_lag"]) : known
            #expect(used.subtracting(allowed).isEmpty, "\(file) uses unknown metrics: \(used.subtracting(allowed).sorted())")
        }
        let dashboard = try String(contentsOf: root.appending(path: "deploy/grafana/clipper-dashboard.json"), encoding: .utf8)
        let alerts = try String(contentsOf: root.appending(path: "deploy/prometheus/clipper-alerts.yml"), encoding: .utf8)
        #expect(dashboard.contains("clipper_delivery_errors_total") && alerts.contains("clipper_delivery_errors_total"))
        #expect(dashboard.contains("clipper_consumer_lag_records") && alerts.contains("clipper_consumer_lag_records"))
    }

    @Test func theDashboardPanelsHaveUniqueIdsAndDoNotOverlap() throws {
        let url = CatalogPaths.repositoryRoot.appending(path: "deploy/grafana/clipper-dashboard.json")
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let ids = panels.compactMap { $0["id"] as? Int }
        #expect(ids.count == panels.count && Set(ids).count == ids.count, "panel ids: \(ids)")
        var cells: [String: Int] = [:]
        for panel in panels {
            let grid = try #require(panel["gridPos"] as? [String: Int])
            let (x, y, w, h) = (grid["x"] ?? 0, grid["y"] ?? 0, grid["w"] ?? 0, grid["h"] ?? 0)
            #expect(x >= 0 && w > 0 && x + w <= 24 && h > 0, "panel \(panel["id"] ?? "?") is outside the 24-column grid")
            for column in x..<(x + w) {
                for row in y..<(y + h) {
                    let previous = cells.updateValue(panel["id"] as? Int ?? -1, forKey: "\(column),\(row)")
                    #expect(previous == nil, "panels \(previous ?? -1) and \(panel["id"] ?? "?") overlap")
                }
            }
        }
    }

    @Test func theReadmeMetricsTableListsEveryMetric() throws {
        let readme = try String(contentsOf: CatalogPaths.repositoryRoot.appending(path: "README.md"), encoding: .utf8)
        let tableRows = readme.split(separator: "\n").filter { $0.hasPrefix("| `clipper_") || $0.hasPrefix("| `process_") }
        for metric in MetricDefinition.all {
            let written = metric.labels.isEmpty ? "`\(metric.name)`" : "`\(metric.name){\(metric.labels.joined(separator: ","))}`"
            #expect(tableRows.contains { $0.contains(written) }, "README's metrics table lacks \(written)")
        }
    }

    @Test func promtoolAcceptsTheAlertRules() throws {
        let rules = CatalogPaths.repositoryRoot.appending(path: "deploy/prometheus/clipper-alerts.yml").path
        let result = try Promtool.run(["check", "rules", rules])
        #expect(result.status == 0, "promtool check rules:\n\(result.output)")
        #expect(result.output.contains("SUCCESS"))
        // The alerts' own unit tests: delivery errors name the failing worker; growing lag fires per topic.
        let tests = CatalogPaths.repositoryRoot.appending(path: "deploy/prometheus/clipper-alerts.test.yml").path
        let unit = try Promtool.run(["test", "rules", tests])
        #expect(unit.status == 0, "promtool test rules:\n\(unit.output)")
    }
}
