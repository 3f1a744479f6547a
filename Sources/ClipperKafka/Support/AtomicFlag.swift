import Synchronization

/// A boolean that can be set once, from any thread.
final class AtomicFlag: Sendable {
    private let value = Atomic<Bool>(false)

    init() {}

    /// Sets the flag; returns `true` only for the call that set it.
    func setOnce() -> Bool {
        value.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// A Swift string from a NUL-terminated C buffer.
func string(fromCBuffer buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
