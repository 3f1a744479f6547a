extension Article {
    /// The sections whose content differs between `self` and `other`. `processing` is the chain's own and not
    /// compared; `ext` counts as changed when any member changed.
    ///
    /// ```swift
    /// after.changedSections(comparedTo: before) // [.language]
    /// ```
    public func changedSections(comparedTo other: Article) -> Set<ArticleSection> {
        var changed: Set<ArticleSection> = []
        if title != other.title || description != other.description || body != other.body {
            changed.insert(.text)
        }
        if url != other.url || canonicalURL != other.canonicalURL || docID != other.docID
            || urlCanonicalisation != other.urlCanonicalisation || canonicalURLHint != other.canonicalURLHint
        {
            changed.insert(.identity)
        }
        if language != other.language { changed.insert(.language) }
        if entities != other.entities { changed.insert(.entities) }
        if dedup != other.dedup { changed.insert(.dedup) }
        if ext != other.ext { changed.insert(.ext) }
        if rawID != other.rawID || source != other.source || authors != other.authors || imageURL != other.imageURL
            || publishedAt != other.publishedAt || modifiedAt != other.modifiedAt || fetchedAt != other.fetchedAt
            || extra != other.extra
        {
            changed.insert(.text)
        }
        return changed
    }
}
