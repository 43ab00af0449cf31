/// The shape of a beamer slide, and the room it leaves for a frame's content.
///
/// Sizes are beamer's own: a 4:3 frame is 128 × 96 mm, a 16:9 frame 160 × 90 mm, with 1 cm side
/// margins, the frame title on top and the frame number in the footline.
public enum BeamerAspect: String, CaseIterable, Sendable {
    /// 128 × 96 mm: more height for tall matrices and derivations.
    case fourThree = "4:3"
    /// 160 × 90 mm: the shape of most classroom projectors and laptops; more width for wide
    /// equations. The default.
    case sixteenNine = "16:9"

    /// beamer's `aspectratio` class option.
    var classOption: String {
        switch self {
        case .fourThree: return "43"
        case .sixteenNine: return "169"
        }
    }

    /// The text width in em of the 11 pt font (1 em ≈ 0.385 cm), less a margin for the
    /// width estimate's error.
    var textWidth: Double {
        switch self {
        case .fourThree: return 26
        case .sixteenNine: return 33
        }
    }

    /// The frame's real text width (`\\linewidth`) in em of the 11 pt font, which displayed
    /// equations may fill: their widths are TeX's own (`TeXMetrics`), not an estimate. 140 mm
    /// at 16:9 (read back from pdflatex by `Tests/Tools/tex_metrics.py`), 108 mm at 4:3.
    var equationWidth: Double {
        switch self {
        case .fourThree: return TeXMetrics.textWidth169 * 108 / 140
        case .sixteenNine: return TeXMetrics.textWidth169
        }
    }

    /// Lines of 11 pt text that fit under the frame title and above the footline.
    var frameLines: Double {
        switch self {
        case .fourThree: return 16.1
        case .sixteenNine: return 14.4
        }
    }

    /// The room for the network figure, in cm: the whole frame under its title (the legend
    /// goes to the next frame).
    var figureSize: (width: Double, height: Double) {
        switch self {
        case .fourThree: return (10.8, 7.6)
        case .sixteenNine: return (14.0, 6.9)
        }
    }
}
