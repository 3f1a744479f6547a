import Foundation

/// A `clipper run` config for the tests: only the keys the tests care about; everything else keeps its default.
struct WorkerTestConfig {
    var bootstrapServers: String
    var groupID: String
    var inputTopic = "articles.raw"
    var outputTopic = "articles.enriched"
    var deadLetterTopic = "articles.dlq"
    var sessionTimeoutMS = 6000
    var maxRecordBytes = 1_048_576
    var maxInFlightPerPartition = 64
    var drainTimeoutMS = 15000
    var closeTimeoutMS = 10000
    var stateDirectory: String
    var httpEnabled = false
    var httpPort = 0
    var logLevel = "info"
    /// Extra YAML appended under `kafka:` (indented by the caller with two spaces).
    var extraKafkaYAML = ""
    /// The `processors:` list, one YAML item per line at two spaces' indent.
    var processorsYAML = "  - name: normalize"

    init(bootstrapServers: String, groupID: String, stateDirectory: URL) {
        self.bootstrapServers = bootstrapServers
        self.groupID = groupID
        self.stateDirectory = stateDirectory.path
    }

    var yaml: String {
        """
        kafka:
          bootstrap_servers: \(bootstrapServers)
          group_id: \(groupID)
          client_id: clipper-it
          topics:
            input: \(inputTopic)
            output: \(outputTopic)
            dead_letter: \(deadLetterTopic)
          session_timeout_ms: \(sessionTimeoutMS)
          auto_offset_reset: earliest
        \(extraKafkaYAML)
        worker:
          worker_id: it-worker
          max_record_bytes: \(maxRecordBytes)
          max_in_flight_per_partition: \(maxInFlightPerPartition)
          drain_timeout_ms: \(drainTimeoutMS)
          close_timeout_ms: \(closeTimeoutMS)
          state_dir: \(stateDirectory)
        processors:
        \(processorsYAML)
        http:
          enabled: \(httpEnabled)
          host: 127.0.0.1
          port: \(httpPort)
        log:
          level: \(logLevel)
          format: json

        """
    }

    /// Writes the config to `directory/name` and returns its path.
    func write(to directory: URL, name: String = "clipper.yaml") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(yaml.utf8).write(to: url)
        return url.path
    }
}
