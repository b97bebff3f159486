/// A titled document of sections shown by the details view.
public struct DetailsDocument: Sendable, Hashable {
    /// The view's title, e.g. the object key.
    public var title: String
    /// The sections in display order.
    public var sections: [DetailsSection]

    /// Creates a details document.
    public init(title: String, sections: [DetailsSection]) {
        self.title = title
        self.sections = sections
    }
}

/// One headed block of text of a details document (text may hold several lines).
public struct DetailsSection: Sendable, Hashable {
    /// The heading, e.g. `Processing report`.
    public var heading: String
    /// The raw text; the dashboard sanitises it before display.
    public var text: String

    /// Creates a section.
    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}
