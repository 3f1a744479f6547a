import Foundation
import Testing

@testable import LanguageTagger

@Suite struct DetectorTests {
    static let detector: LanguageDetector = {
        do { return try LanguageDetector() } catch { fatalError("the language model does not load: \(error)") }
    }()

    @Test(arguments: [
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία", "el", "Grek"),
        ("הממשלה הודיעה על צעדים חדשים", "he", "Hebr"),
        ("รัฐบาลประกาศมาตรการใหม่", "th", "Thai"),
        ("정부는 새로운 경제 정책을 발표했다", "ko", "Hang"),
        ("政府は新しい経済対策を発表した", "ja", "Jpan"),
        ("政府宣布了新的经济措施", "zh", "Hani"),
        ("सरकार ने नई आर्थिक नीति की घोषणा की", "hi", "Deva"),
        ("সরকার নতুন অর্থনৈতিক নীতি ঘোষণা করেছে", "bn", "Beng"),
    ])
    func scriptsOwnedByOneLanguageDecideDirectly(text: String, code: String, script: String) {
        let guess = Self.detector.detect(text)
        #expect(guess.code == code)
        #expect(guess.script == script)
        #expect(guess.method == .script)
    }

    @Test(arguments: [
        ("Straße", "de"), ("łódź", "pl"), ("őszintén", "hu"), ("příliš", "cs"), ("ľudia", "sk"), ("ağaç", "tr"),
        ("ţară", "ro"), ("người", "vi"), ("ēnas", "lv"), ("ąžuolas", "lt"), ("päivää", "fi"),
    ])
    func charactersUniqueToALanguageDecideSingleWords(word: String, code: String) {
        #expect(Self.detector.detect(word).code == code)
    }

    @Test(arguments: [
        ("The government announced new measures to support small businesses.", "en"),
        ("Le gouvernement a annoncé de nouvelles mesures pour soutenir les petites entreprises.", "fr"),
        ("El gobierno anunció nuevas medidas para apoyar a las pequeñas empresas.", "es"),
        ("O governo anunciou novas medidas para apoiar as pequenas empresas.", "pt"),
        ("De regering heeft nieuwe maatregelen aangekondigd om kleine bedrijven te steunen.", "nl"),
        ("Rząd ogłosił nowe środki wsparcia dla małych firm.", "pl"),
        ("Hükümet küçük işletmeleri desteklemek için yeni önlemler açıkladı.", "tr"),
        ("Правительство объявило о новых мерах поддержки малого бизнеса.", "ru"),
        ("Уряд оголосив про нові заходи підтримки малого бізнесу.", "uk"),
        ("Правителството обяви нови мерки в подкрепа на малкия бизнес.", "bg"),
        ("Влада је најавила нове мере за подршку малим предузећима.", "sr"),
        ("Hallitus ilmoitti uusista toimista pienyritysten tukemiseksi.", "fi"),
        ("الحكومة أعلنت عن إجراءات جديدة لدعم الشركات الصغيرة", "ar"),
        ("دولت اقدامات جدیدی برای حمایت از کسب و کارهای کوچک اعلام کرد", "fa"),
        ("Chính phủ đã công bố các biện pháp mới để hỗ trợ doanh nghiệp nhỏ.", "vi"),
    ])
    func realSentences(text: String, code: String) {
        #expect(Self.detector.detect(text).code == code)
    }

    @Test func textWithoutLettersIsUndetermined() {
        for text in ["", "   ", "12:45 — 3,5 % (+0,2)", "!!! ??? ...", "🙂🎉"] {
            let guess = Self.detector.detect(text)
            #expect(guess.code == "und", "\(text)")
            #expect(guess.confidence == 0)
        }
    }

    @Test func aScriptNoConfiguredLanguageUsesIsUndetermined() throws {
        let latinOnly = try LanguageDetector(languages: ["en", "de"])
        let guess = latinOnly.detect("Правительство объявило о новых мерах")
        #expect(guess.code == "und")
        #expect(guess.script == "Cyrl")
    }

    @Test func restrictionKeepsAnswersInsideTheSet() throws {
        let restricted = try LanguageDetector(languages: ["es", "pt"])
        #expect(restricted.languages.sorted() == ["es", "pt"])
        // Italian is not in the set: the answer must still be one of the two.
        let guess = restricted.detect("Il governo ha annunciato nuove misure per le piccole imprese.")
        #expect(["es", "pt"].contains(guess.code))
        #expect(guess.alternatives.allSatisfy { ["es", "pt"].contains($0.code) })
    }

    @Test func confidencesFormADistribution() {
        let guess = Self.detector.detect("Regeringen har beslutat att höja skatten")
        let total = guess.confidence + guess.alternatives.reduce(0) { $0 + $1.confidence }
        #expect(total <= 1.000_001)
        #expect(guess.alternatives.map(\.confidence) == guess.alternatives.map(\.confidence).sorted(by: >))
    }

    @Test func closePairMarkerWordsBreakTies() {
        #expect(
            Self.detector.detect("Kerajaan negeri akan membina lebih banyak rumah kerana permintaan yang tinggi").code
                == "ms")
        #expect(
            Self.detector.detect("Pemerintah provinsi akan membangun lebih banyak rumah karena permintaan yang tinggi")
                .code == "id")
        #expect(Self.detector.detect("Vi har ikke fået noget svar fra kommunen, siger hun").code == "da")
        #expect(Self.detector.detect("Vi har ikke fått noe svar fra kommunen, sier hun").code == "nb")
    }

    @Test func capReadsOnlyTheStartOfTheText() {
        let text = "Dobrý den, jak se máte? " + String(repeating: "This is English text. ", count: 50)
        #expect(Self.detector.detect(text, maxCharacters: 24).code == "cs")
        #expect(Self.detector.detect(text, maxCharacters: 4000).code == "en")
    }
}
