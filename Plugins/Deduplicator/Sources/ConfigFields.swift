import ClipperCore

/// The `config:` keys of the `dedup` processor, with their defaults.
///
/// ```swift
/// DeduplicatorProcessor.descriptor.defaultConfiguration["min_shingles"] // 50
/// ```
enum ConfigFields {
    static let all: [ConfigField] = [
        ConfigField(
            name: "action", type: .string, default: "annotate", choices: ["annotate", "drop"],
            description: "annotate: write the dedup section and keep the article; drop: also drop duplicates "
                + "(counted as drops by the worker).",
            examples: ["drop"]),
        ConfigField(
            name: "jaccard_threshold", type: .number, default: 0.8, range: 0.0...1.0,
            description: "Near duplicate when the Jaccard similarity of the word-shingle sets is at least this.",
            examples: [0.85]),
        ConfigField(
            name: "containment_threshold", type: .number, default: 0.85, range: 0.0...1.0,
            description: "Contained duplicate (trimmed or extended copy) when at least this share of the smaller "
                + "document's shingles is in the other.",
            examples: [0.9]),
        ConfigField(
            name: "min_shingles", type: .integer, default: 50, range: 1...100_000,
            description: "Near and contained matches need this many shingles (after boilerplate stripping) in the "
                + "smaller document; shorter texts only match exactly. Keeps short briefs in one template apart.",
            examples: [30]),
        ConfigField(
            name: "shingle_size", type: .integer, default: 5, range: 1...16,
            description: "Words per shingle. Changing it needs a new state_file.", examples: [4]),
        ConfigField(
            name: "lsh_bands", type: .integer, default: 20, range: 1...64,
            description: "LSH bands. Candidates come from any shared band; more bands, more recall at low "
                + "similarity and more memory (one cache entry per band and document). Needs a new state_file.",
            examples: [32]),
        ConfigField(
            name: "lsh_rows", type: .integer, default: 3, range: 1...16,
            description: "MinHash values per band (bands × rows permutations). Needs a new state_file.",
            examples: [4]),
        ConfigField(
            name: "max_candidates", type: .integer, default: 8, range: 1...1_000,
            description: "At most this many LSH candidates are verified per article (those sharing most bands).",
            examples: [16]),
        ConfigField(
            name: "max_documents", type: .integer, default: 1_000_000, range: 0...1_000_000_000,
            description: "Window size in documents: older ones are evicted first. 0: no count limit.",
            examples: [200_000]),
        ConfigField(
            name: "max_age_hours", type: .number, default: 168, range: 0.0...87_600.0,
            description: "Window age: documents first seen longer ago are evicted. 0: no age limit.",
            examples: [48]),
        ConfigField(
            name: "boilerplate_min_stories", type: .integer, default: 3, range: 0...1_000,
            description: "A short line found in this many different stories of one source is boilerplate and "
                + "ignored. 0 turns the learning off (chrome lines such as share bars are always ignored).",
            examples: [5]),
        ConfigField(
            name: "store", type: .string, default: "sqlite", choices: ["sqlite", "postgres"],
            description: "Where the window lives. sqlite: a file under the state directory (one host, or workers "
                + "sharing a disk). postgres: a PostgreSQL database shared by workers on any number of hosts "
                + "(postgres_url).",
            examples: ["postgres"]),
        ConfigField(
            name: "postgres_url", type: .string, default: "",
            description: "With store: postgres, postgres://user:password@host:5432/database?sslmode=prefer "
                + "(disable | prefer | require | verify-full, sslrootcert=/path/ca.pem). Give it through the "
                + "environment: ${CLIPPER_DEDUP_POSTGRES_URL}. The password is never printed or logged.",
            examples: ["${CLIPPER_DEDUP_POSTGRES_URL}"]),
        ConfigField(
            name: "postgres_max_connections", type: .integer, default: 16, range: 1...1000,
            description: "Connections this worker may open (about the number of articles it processes at once).",
            examples: [32]),
        ConfigField(
            name: "postgres_timeout_ms", type: .integer, default: 5000, range: 100...600_000,
            description: "One article's transaction gives up after this and is retried with backoff while the "
                + "database is out (never dead-lettered for it); keep the step's timeout_ms above it.",
            examples: [2000]),
        ConfigField(
            name: "state_file", type: .string, default: "dedup/dedup.sqlite",
            description: "SQLite state, relative to the state directory (`--state`); every worker that shares it "
                + "shares the window. \":memory:\" keeps it private to one process and lost on exit.",
            examples: ["/var/lib/clipper/dedup.sqlite"]),
    ]
}
