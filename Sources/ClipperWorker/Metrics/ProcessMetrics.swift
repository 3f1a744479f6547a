import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The standard `process_*` metrics (CPU seconds, resident and virtual memory, open and maximum file descriptors,
/// start time), read from `/proc` at each scrape, as the Go and Java Prometheus clients do. Linux only: elsewhere
/// ``sample()`` returns `nil` and `/metrics` has no `process_*` lines.
///
/// ```swift
/// if let sample = ProcessMetrics.sample() {
///     print(sample.residentBytes, sample.cpuSeconds)
///     print(sample.exposition) // "# HELP process_cpu_seconds_total …"
/// }
/// ```
public struct ProcessMetrics: Sendable, Equatable {
    public var cpuSeconds: Double
    public var residentBytes: Double
    public var virtualBytes: Double
    public var openFDs: Double
    public var maxFDs: Double
    public var startTimeSeconds: Double

    /// Reads the current process's figures; `nil` where `/proc` is not available.
    public static func sample() -> ProcessMetrics? {
        #if os(Linux)
            guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
                let system = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
                let bootTime = bootTime(procStat: system)
            else { return nil }
            let openFDs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
            var limit = rlimit()
            let maxFDs = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Double(limit.rlim_cur) : 0
            return ProcessMetrics(
                selfStat: stat, bootTime: bootTime, ticksPerSecond: Double(sysconf(Int32(_SC_CLK_TCK))),
                pageSize: Double(sysconf(Int32(_SC_PAGESIZE))), openFDs: Double(openFDs), maxFDs: maxFDs)
        #else
            return nil
        #endif
    }

    /// Parses `/proc/self/stat` (fields 14 utime, 15 stime, 22 starttime, 23 vsize, 24 rss; see proc(5)).
    ///
    /// ```swift
    /// ProcessMetrics(selfStat: text, bootTime: 1_700_000_000, ticksPerSecond: 100, pageSize: 4096, openFDs: 12, maxFDs: 1024)
    /// ```
    public init?(
        selfStat: String, bootTime: Double, ticksPerSecond: Double, pageSize: Double, openFDs: Double, maxFDs: Double
    ) {
        // The command name (field 2) is in parentheses and may hold spaces or parentheses: split after the last ")".
        guard let close = selfStat.lastIndex(of: ")"), ticksPerSecond > 0 else { return nil }
        let fields = selfStat[selfStat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        func field(_ number: Int) -> Double? {
            number - 3 < fields.count ? Double(fields[number - 3].trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        }
        guard let utime = field(14), let stime = field(15), let start = field(22), let vsize = field(23),
            let rss = field(24)
        else { return nil }
        cpuSeconds = (utime + stime) / ticksPerSecond
        startTimeSeconds = bootTime + start / ticksPerSecond
        virtualBytes = vsize
        residentBytes = rss * pageSize
        self.openFDs = openFDs
        self.maxFDs = maxFDs
    }

    /// The boot time (`btime`, seconds since the epoch) from `/proc/stat`.
    static func bootTime(procStat: String) -> Double? {
        for line in procStat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// The figures in Prometheus text format, with HELP and TYPE lines from ``MetricDefinition/process``.
    public var exposition: String {
        let values: [(MetricDefinition, Double)] = [
            (.processCPUSeconds, cpuSeconds), (.processResidentMemory, residentBytes),
            (.processVirtualMemory, virtualBytes), (.processOpenFDs, openFDs), (.processMaxFDs, maxFDs),
            (.processStartTime, startTimeSeconds),
        ]
        return values.map { metric, value in
            "# HELP \(metric.name) \(metric.help)\n# TYPE \(metric.name) \(metric.kind.rawValue)\n"
                + "\(metric.name) \(Self.format(value))\n"
        }.joined()
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
