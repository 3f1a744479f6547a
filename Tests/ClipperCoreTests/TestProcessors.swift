import ClipperCore
import Synchronization

/// Small processors whose behaviour the tests control.
enum TestProcessors {
    static func descriptor(_ name: String, writes: Set<ArticleSection> = [.ext]) -> ProcessorDescriptor {
        ProcessorDescriptor(name: name, version: "1.2.3", summary: "test processor \(name)", writes: writes)
    }

    /// Appends its name to `ext.trace.order`, so tests can see the order processors ran in.
    static func tracer(_ name: String) -> AnyProcessor {
        AnyProcessor(descriptor: descriptor(name)) { article, _ in
            var trace = article.ext[name]?.arrayValue ?? []
            trace.append(.string(name))
            article.ext[name] = .array(trace)
            return .keep
        }
    }

    static func dropper(_ name: String, reason: String) -> AnyProcessor {
        AnyProcessor(descriptor: descriptor(name)) { _, _ in .drop(reason: reason) }
    }

    /// Throws on the first `failures` attempts, then keeps.
    static func flaky(_ name: String, failures: Int, calls: Counter) -> AnyProcessor {
        AnyProcessor(descriptor: descriptor(name)) { article, context in
            let call = calls.increment()
            if call <= failures { throw TestFailure(message: "attempt \(context.attempt) failed") }
            article.ext[name] = ["attempt": .number(Double(context.attempt))]
            return .keep
        }
    }

    static func sleeper(_ name: String, seconds: Double) -> AnyProcessor {
        AnyProcessor(descriptor: descriptor(name)) { _, _ in
            try await Task.sleep(for: .seconds(seconds))
            return .keep
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A thread-safe call counter.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    @discardableResult func increment() -> Int { value.add(1, ordering: .relaxed).newValue }
    var count: Int { value.load(ordering: .relaxed) }
}

extension Article {
    static func sample(id: String = "a1") -> Article {
        Article(raw: RawArticle(id: id, title: "Title", body: "Body"))
    }
}
