import Testing

@testable import Deduplicator

@Suite struct DeduplicatorTests {
    @Test func descriptorIsNamedDedup() {
        #expect(DeduplicatorProcessor.descriptor.name == "dedup")
    }
}
