/// The few numbers that shape scoring. The defaults were chosen on the DEV set (see README); change them only with
/// an evaluation run beside you.
///
/// ```swift
/// var tuning = DetectorTuning()
/// tuning.longTextLetters = 300
/// let detector = try LanguageDetector(tuning: tuning)
/// ```
public struct DetectorTuning: Sendable, Hashable {
    /// From this many letters on, only ``longTextOrders`` are scored (lingua uses 120 letters and trigrams).
    public var longTextLetters = 200
    /// n-gram orders for short text.
    public var shortTextOrders: ClosedRange<Int> = 1...5
    /// n-gram orders for long text.
    public var longTextOrders: ClosedRange<Int> = 3...3
    /// `-ln P` given to an n-gram a language has never seen, per order 1...5, in nats.
    public var unseenCost: [Float] = [14, 10, 9, 8, 8]
    /// Nats taken from a language for each word that holds a character outside its alphabet.
    public var foreignCharacterCost: Float = 6
    /// Lead in nats per extra marker word of the close-pair tie-breaker (the winner of the pair is set by the counts).
    public var markerWordBonus: Float = 4
    /// Scoring stops once the best language leads the runner-up by this many nats per n-gram order summed
    /// (0 = never stop early).
    public var decisiveMargin: Float = 30
    /// Confidences are a softmax over the log-likelihoods divided by this times the number of orders used.
    public var temperature: Float = 1

    public init() {}
}
