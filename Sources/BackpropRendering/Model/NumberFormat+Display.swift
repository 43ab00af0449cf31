/// How the numbers of a block are shown together: the one place that decides, for every
/// `.document` number of a narrative, the concrete style it prints in.
extension NumberFormat {
    /// `narrative` with every number in the style it prints in.
    public func displayed(_ narrative: Narrative) -> Narrative {
        var copy = narrative
        copy.preface = narrative.preface.map(displayed)
        copy.sections = narrative.sections.map(displayed)
        return copy
    }

    /// `section` with every number in the style it prints in.
    public func displayed(_ section: Section) -> Section {
        var copy = section
        copy.blocks = section.blocks.map(displayed)
        return copy
    }

    /// `block` with every number in the style it prints in.
    public func displayed(_ block: Block) -> Block {
        block
    }
}

extension NumberFormat {
    /// The display rule in one sentence, for the notation line of every step.
    public var ruleSentence: String {
        "Numbers are shown to \(decimals) decimals, with more where that leaves fewer than \(significantDigits) significant digits"
    }

    /// The fewest significant digits a non-zero number is shown with: 3, or the decimals asked
    /// for when fewer (at least 1).
    public var significantDigits: Int { max(1, min(Self.minimumSignificantDigits, decimals)) }

    /// The significant digits every number keeps unless the learner asks for fewer decimals.
    public static let minimumSignificantDigits = 3
}
