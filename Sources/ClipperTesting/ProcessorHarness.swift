@_exported import ClipperCore

/// Runs processors on fixtures without Kafka: the test kit for plugin authors. It is ClipperCore's
/// ``ExampleRunner`` (which `clipper processors --examples` also uses), so a test and the CLI judge an example
/// the same way.
///
/// ```swift
/// let harness = ProcessorHarness(catalog: ProcessorCatalog([.plugin(UppercaseTitle.self, folder: "UppercaseTitle")]))
/// let run = try await harness.run("uppercase_title", input: ["id": "1", "title": "hello"])
/// #expect(run.json.lookup("ext.uppercase_title.title") == "HELLO")
/// let failures = try await harness.runExamples(of: "uppercase_title")
/// #expect(failures.isEmpty)
/// ```
public typealias ProcessorHarness = ExampleRunner
