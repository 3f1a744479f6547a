/// Runs of capitalised tokens joined over single connector words ("Bank of England", "University of
/// North Carolina"), and where each token sits in its run. Mirrors `capitalised_runs` / `run_features` in
/// `scripts/nerlib.py`.
///
/// ```swift
/// let runs = CapitalisedRuns.find(views)  // views of "the Bank of England said"
/// runs[1]?.position  // UInt8(ascii: "B"); runs[0] == nil
/// ```
public enum CapitalisedRuns {
    /// The run a token belongs to.
    public struct Membership: Sendable {
        /// S (single), B, I or E.
        public var position: UInt8
        /// Run length, capped at 4, as an ASCII digit.
        public var lengthDigit: UInt8
        /// Whether a word of the run is an organisation keyword ("Bank", "University").
        public var hasOrganisationKeyword: Bool
        /// Lower-cased first and last word of the run.
        public var first: ArraySlice<UInt8>
        public var head: ArraySlice<UInt8>
    }

    static let connectors: [[UInt8]] =
        ["of", "the", "and", "for", "de", "&", "-", "von", "van", "la", "du", "del", "al", "bin", "da", "di"].map {
            Array($0.utf8)
        }
    static let organisationKeyword = Array("ORGKEY".utf8)

    public static func find(_ views: [TokenView]) -> [Membership?] {
        var result = [Membership?](repeating: nil, count: views.count)
        let count = views.count
        var index = 0
        while index < count {
            guard isCapitalised(views[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count {
                if isCapitalised(views[end]) {
                    end += 1
                } else if isConnector(views[end].lowerBytes) && end + 1 < count && isCapitalised(views[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            let length = end - index
            let hasKey = (index..<end).contains { contains(views[$0].classes, organisationKeyword) }
            for member in index..<end {
                let position: Unicode.Scalar =
                    length == 1 ? "S" : member == index ? "B" : member == end - 1 ? "E" : "I"
                result[member] = Membership(
                    position: UInt8(ascii: position), lengthDigit: UInt8(ascii: "0") + UInt8(min(length, 4)),
                    hasOrganisationKeyword: hasKey, first: views[index].lowerBytes, head: views[end - 1].lowerBytes)
            }
            index = end
        }
        return result
    }

    static func isCapitalised(_ view: TokenView) -> Bool {
        view.shape.first == UInt8(ascii: "X")
    }

    static func isConnector(_ word: ArraySlice<UInt8>) -> Bool {
        connectors.contains { $0.elementsEqual(word) }
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in haystack.startIndex...(haystack.endIndex - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
