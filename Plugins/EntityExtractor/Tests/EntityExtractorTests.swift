import ClipperCore
import Testing

@testable import EntityExtractor

@Suite struct EntityExtractorSmokeTests {
    @Test func descriptorIsNamedEntities() {
        #expect(EntityExtractorProcessor.descriptor.name == "entities")
    }
}
