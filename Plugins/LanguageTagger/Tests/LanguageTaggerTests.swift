import ClipperCore
import ClipperTesting
import Testing

@testable import LanguageTagger

@Suite struct LanguageTaggerProcessorTests {
    @Test func descriptorIsNamedLanguage() {
        #expect(LanguageTaggerProcessor.descriptor.name == "language")
    }
}
