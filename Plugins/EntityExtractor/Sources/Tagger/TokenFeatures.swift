/// The feature templates of the tagger, as hashes. Mirrors `sentence_features` in `scripts/nerlib.py`:
/// same templates, same order, same spelling (a feature is the FNV-1a hash of its string).
///
/// ```swift
/// let hashes = TokenFeatures.hashes(views, at: 2)  // one hash per template for token 2
/// ```
public enum TokenFeatures {
    static let sentenceEnd: Set<String> = [
        ".", "!", "?", "\u{201C}", "\"", ":", ";", "\u{2014}", "-", "(", "\u{2018}", "'",
        "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{300C}", "\u{300E}", "\u{201E}", "\u{00AB}",
    ]
    static let startPad = Array("<s>".utf8)[...]
    static let endPad = Array("</s>".utf8)[...]
    static let dash = Array("-".utf8)[...]
    static let bar = UInt8(ascii: "|")
    /// The most features ``forEach(_:runs:at:_:)`` produces for one token (44 today), with room to spare.
    static let maximumCount = 64

    static let bias = FeatureHash("b")
    static let word = FeatureHash("w=")
    static let shape = FeatureHash("s=")
    static let prefixes = [
        FeatureHash("p1="), FeatureHash("p2="), FeatureHash("p3="), FeatureHash("p4="), FeatureHash("p5="),
    ]
    static let suffixes = [FeatureHash("x1="), FeatureHash("x2="), FeatureHash("x3="), FeatureHash("x4=")]
    static let firstShape = FeatureHash("fs=")
    static let previousWord = FeatureHash("w-1=")
    static let nextWord = FeatureHash("w+1=")
    static let previousWord2 = FeatureHash("w-2=")
    static let nextWord2 = FeatureHash("w+2=")
    static let previousShape = FeatureHash("s-1=")
    static let nextShape = FeatureHash("s+1=")
    static let previousShapeShape = FeatureHash("s-1s=")
    static let shapeNextShape = FeatureHash("ss+1=")
    static let shapeTrigram = FeatureHash("s3=")
    static let previousWordShape = FeatureHash("w-1s=")
    static let shapeNextWord = FeatureHash("sw+1=")
    static let wordNextWord = FeatureHash("ww+1=")
    static let previousWordWord = FeatureHash("w-1w=")
    static let previousTwoWords = FeatureHash("w-2w-1=")
    static let nextTwoWords = FeatureHash("w+1w+2=")
    static let wordTrigram = FeatureHash("w3=")
    static let gazetteer = FeatureHash("g=")
    static let previousGazetteer = FeatureHash("g-1=")
    static let nextGazetteer = FeatureHash("g+1=")
    static let gazetteerShape = FeatureHash("gs=")
    static let classes = FeatureHash("c=")
    static let previousClasses = FeatureHash("c-1=")
    static let nextClasses = FeatureHash("c+1=")
    static let classesShape = FeatureHash("cs=")
    static let runPosition = FeatureHash("rp=")
    static let runHead = FeatureHash("rh=")
    static let runHeadPosition = FeatureHash("rhp=")
    static let runKeyword = FeatureHash("rk=")
    static let runFirst = FeatureHash("rf=")

    /// Calls `body` with the hash value of every feature of token `index`.
    @inline(__always)
    public static func forEach(
        _ views: UnsafeBufferPointer<TokenView>, runs: [CapitalisedRuns.Membership?], at index: Int,
        _ body: (UInt64) -> Void
    ) {
        let count = views.count
        let hasPrevious = index > 0
        let hasNext = index + 1 < count
        let lowerPrevious = hasPrevious ? views[index - 1].lowerBytes : startPad
        let lowerNext = hasNext ? views[index + 1].lowerBytes : endPad
        let shapePrevious = hasPrevious ? views[index - 1].shape : startPad
        let shapeNext = hasNext ? views[index + 1].shape : endPad
        let lower = views[index].lowerBytes
        let wordShape = views[index].shape
        let classesHere = views[index].classes
        let gazetteerHere = views[index].gazetteer

        func emit(_ prefix: FeatureHash, _ part: ArraySlice<UInt8>) {
            var hash = prefix
            hash.add(part)
            body(hash.value)
        }
        func emit(_ prefix: FeatureHash, _ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>) {
            var hash = prefix
            hash.add(first)
            hash.add(bar)
            hash.add(second)
            body(hash.value)
        }
        func emit(
            _ prefix: FeatureHash, _ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>, _ third: ArraySlice<UInt8>
        ) {
            var hash = prefix
            hash.add(first)
            hash.add(bar)
            hash.add(second)
            hash.add(bar)
            hash.add(third)
            body(hash.value)
        }
        func emit(_ prefix: FeatureHash, slice: ArraySlice<UInt8>) {
            var hash = prefix
            hash.add(slice)
            body(hash.value)
        }

        body(bias.value)
        emit(word, lower)
        emit(shape, wordShape)
        for (length, template) in prefixes.enumerated() { emit(template, slice: views[index].prefix(length + 1)) }
        for (length, template) in suffixes.enumerated() { emit(template, slice: views[index].suffix(length + 1)) }
        let isFirst = hasPrevious ? views[index - 1].endsSentence : true
        var first = firstShape
        first.add(isFirst ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        first.add(wordShape)
        body(first.value)
        emit(previousWord, lowerPrevious)
        emit(nextWord, lowerNext)
        emit(previousWord2, index > 1 ? views[index - 2].lowerBytes : startPad)
        emit(nextWord2, index + 2 < count ? views[index + 2].lowerBytes : endPad)
        emit(previousShape, shapePrevious)
        emit(nextShape, shapeNext)
        emit(previousShapeShape, shapePrevious, wordShape)
        emit(shapeNextShape, wordShape, shapeNext)
        emit(shapeTrigram, shapePrevious, wordShape, shapeNext)
        emit(previousWordShape, lowerPrevious, wordShape)
        emit(shapeNextWord, wordShape, lowerNext)
        emit(wordNextWord, lower, lowerNext)
        emit(previousWordWord, lowerPrevious, lower)
        let lowerPrevious2 = index > 1 ? views[index - 2].lowerBytes : startPad
        let lowerNext2 = index + 2 < count ? views[index + 2].lowerBytes : endPad
        emit(previousTwoWords, lowerPrevious2, lowerPrevious)
        emit(nextTwoWords, lowerNext, lowerNext2)
        emit(wordTrigram, lowerPrevious, lower, lowerNext)
        emit(gazetteer, gazetteerHere)
        emit(previousGazetteer, hasPrevious ? views[index - 1].gazetteer : dash)
        emit(nextGazetteer, hasNext ? views[index + 1].gazetteer : dash)
        emit(gazetteerShape, gazetteerHere, wordShape)
        emit(classes, classesHere)
        emit(previousClasses, hasPrevious ? views[index - 1].classes : startPad)
        emit(nextClasses, hasNext ? views[index + 1].classes : endPad)
        emit(classesShape, classesHere, wordShape)
        guard let run = runs[index] else {
            emit(runPosition, dash)
            return
        }
        var position = runPosition
        position.add(run.position)
        position.add(bar)
        position.add(run.lengthDigit)
        body(position.value)
        emit(runHead, run.head)
        var headPosition = runHeadPosition
        headPosition.add(run.position)
        headPosition.add(bar)
        headPosition.add(run.head)
        body(headPosition.value)
        var keyword = runKeyword
        keyword.add(run.hasOrganisationKeyword ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        keyword.add(run.position)
        body(keyword.value)
        emit(runFirst, run.first)
    }
}
