import ClipperCore

/// Runnable examples of the `dedup` descriptor. Each runs on its own; a replayed `doc_id` keeps its verdict,
/// so they hold on a fresh and on a reused state directory alike.
///
/// ```swift
/// let failures = try await harness.runExamples(of: "dedup") // []
/// ```
enum DedupExamples {
    static let storyBody = """
        The city council voted on Tuesday to extend the night bus network to the northern suburbs, after a year \
        of complaints from shift workers who said the last connection left before their shifts ended.
        Share on Facebook Share on Twitter Email
        The new lines will start in March and cost about four million a year, paid from the transport budget.
        """

    static let all: [ProcessorExample] = [
        ProcessorExample(
            name: "a first-seen story is its own cluster",
            input: [
                "id": "ex-dedup-1", "source": ["id": "example-wire"], "title": "Night buses extended",
                "body": .string(storyBody),
            ],
            expect: [
                "dedup.is_duplicate": false,
                "dedup.cluster_id": .string(DocumentID.sha256Hex("example-wire|ex-dedup-1")),
                "dedup.duplicate_of": nil,
                "dedup.kind": nil,
                "dedup.method": .string(DedupVerdict.method),
            ]),
        ProcessorExample(
            name: "the fingerprint ignores case, punctuation and the share bar",
            input: [
                "id": "ex-dedup-2", "source": ["id": "example-wire"], "title": "NIGHT BUSES",
                "body": "Share on Facebook\nExtended, “again”.",
            ],
            expect: ["dedup.fingerprint": .string(DocumentID.sha256Hex("night buses extended again"))]),
        ProcessorExample(
            name: "drop mode keeps a first-seen story",
            input: [
                "id": "ex-dedup-3", "source": ["id": "example-wire"], "title": "Budget passed",
                "body": "The budget passed by a wide margin.",
            ],
            configuration: ["action": "drop"],
            expect: ["dedup.is_duplicate": false]),
    ]
}
