import Foundation

/// The memory-mapped n-gram model: language codes, per-character alphabets and one ``NgramTable`` per order 1...5.
///
/// The file is produced by `scripts/convert_lingua_models.py` from lingua's Apache-2.0 models (see MODEL_CARD.md).
/// Loading maps the file and reads a few hundred bytes of header; it takes well under a millisecond.
///
/// ```swift
/// let model = try NgramModel.bundled()
/// model.languageCodes.count   // 41
/// ```
public final class NgramModel: Sendable {
    /// ISO 639-1 codes, in the order of the language indices used in postings.
    public let languageCodes: [String]
    /// Nats per quantisation step of the stored `-ln P`.
    let quantStep: Float
    /// Tables for orders 1...5 (index 0 = unigrams).
    let tables: [NgramTable]
    /// Characters that some language uses often enough to count as part of its alphabet, with the language bit mask.
    let alphabet: [UInt32: UInt64]
    private let file: MappedFile

    static let magic: UInt32 = 0x474E_4C43  // "CLNG" little-endian
    static let formatVersion: UInt32 = 3
    static let orderCount = 5

    /// Loads the model that ships inside the plugin (`Sources/Model/ngrams.bin`).
    ///
    /// ```swift
    /// let model = try NgramModel.bundled()
    /// ```
    public static func bundled() throws -> NgramModel {
        guard let url = Bundle.module.url(forResource: "ngrams", withExtension: "bin", subdirectory: "Model") else {
            throw ModelFormatError(path: "Model/ngrams.bin", message: "not found in the LanguageTagger resource bundle")
        }
        return try NgramModel(contentsOf: url)
    }

    /// Shared instance of the bundled model, loaded once per process (the mapping is shared by every processor).
    static let shared: Result<NgramModel, ModelFormatError> = {
        do { return .success(try bundled()) } catch let error as ModelFormatError {
            return .failure(error)
        } catch { return .failure(ModelFormatError(path: "Model/ngrams.bin", message: "\(error)")) }
    }()

    /// Maps and validates a model file.
    ///
    /// ```swift
    /// let model = try NgramModel(contentsOf: URL(fileURLWithPath: "/tmp/ngrams.bin"))
    /// ```
    public init(contentsOf url: URL) throws {
        let path = url.path
        let file = try MappedFile(path: path)
        var reader = ModelReader(file: file, path: path)
        guard try reader.read(UInt32.self) == Self.magic else {
            throw ModelFormatError(path: path, message: "not a language model (bad magic number)")
        }
        let version = try reader.read(UInt32.self)
        guard version == Self.formatVersion else {
            throw ModelFormatError(
                path: path, message: "format version \(version), this code reads \(Self.formatVersion)")
        }
        let languageCount = Int(try reader.read(UInt32.self))
        let orderCount = Int(try reader.read(UInt32.self))
        guard (1...64).contains(languageCount), orderCount == Self.orderCount else {
            throw ModelFormatError(
                path: path, message: "\(languageCount) languages / \(orderCount) orders is not supported")
        }
        quantStep = Float(bitPattern: try reader.read(UInt32.self))
        let alphabetCount = Int(try reader.read(UInt32.self))
        languageCodes = try (0..<languageCount).map { _ in try reader.readCode() }
        reader.align(to: 8)
        var alphabet: [UInt32: UInt64] = [:]
        for _ in 0..<alphabetCount {
            let scalar = try reader.read(UInt32.self)
            _ = try reader.read(UInt32.self)
            alphabet[scalar] = try reader.read(UInt64.self)
        }
        self.alphabet = alphabet
        tables = try (0..<orderCount).map { _ in try reader.readTable() }
        self.file = file
    }

    /// Index of `code` in ``languageCodes``, or nil when the model does not cover it.
    public func index(of code: String) -> Int? {
        languageCodes.firstIndex(of: code)
    }
}
