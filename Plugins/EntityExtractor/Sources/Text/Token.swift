/// One token of a text: its scalars and where it sits, in Unicode scalar offsets (end exclusive).
///
/// ```swift
/// let tokens = Tokenizer.tokenize("Zürich, Switzerland")
/// tokens[0].text   // "Zürich"
/// tokens[0].start  // 0
/// tokens[0].end    // 6
/// ```
public struct Token: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}
