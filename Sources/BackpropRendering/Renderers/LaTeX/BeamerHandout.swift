/// A printed handout of a beamer deck: beamer's `handout` mode (one page per frame, every
/// overlay shown at once), with 1, 2 or 4 frames on each sheet (`pgfpages`).
public enum BeamerHandout: String, CaseIterable, Sendable {
    /// One frame per page, at the frame's own size.
    case one = "1"
    /// Two frames above each other on a portrait A4 sheet.
    case two = "2"
    /// Four frames, two by two, on a landscape A4 sheet.
    case four = "4"

    /// Frames on one sheet.
    public var framesPerSheet: Int { Int(rawValue) ?? 1 }

    /// The preamble lines that put `framesPerSheet` frames on a sheet (none for one).
    var preamble: String {
        switch self {
        case .one: return ""
        case .two: return "\\usepackage{pgfpages}\n\\pgfpagesuselayout{2 on 1}[a4paper,border shrink=5mm]\n"
        case .four: return "\\usepackage{pgfpages}\n\\pgfpagesuselayout{4 on 1}[a4paper,landscape,border shrink=5mm]\n"
        }
    }
}
