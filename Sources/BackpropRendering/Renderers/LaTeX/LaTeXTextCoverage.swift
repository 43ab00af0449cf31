/// Which characters pdflatex typesets in text mode with the documents' stock setup (T1 font
/// encoding, UTF-8 input, Latin Modern, the kernel's textcomp symbols), and how the ones it
/// cannot typeset are shown and reported.
///
/// The table was taken from pdflatex itself (TeX Live 2024: every code point from U+00A0 to
/// U+024F and the punctuation, currency, letterlike and arrow blocks, one per line, reading
/// "Unicode character … not set up for use with LaTeX" from the log). Greek, math symbols and
/// typographic quotes go through `LaTeXEscaping.symbols` instead (as math where needed).
/// Anything else — Cyrillic, CJK, emoji, combining sequences — prints as a visible stand-in
/// `[U+1F393]` in typewriter type, never as a silent "?", and `replacedCharacters(in:)` finds
/// the stand-ins in a finished document so the command line can warn about each one.
public enum LaTeXTextCoverage {
    /// Latin Extended-A letters the T1 encoding lacks (Ħ ħ ĸ Ŀ ŀ ŉ Ŧ ŧ ſ).
    static let missingLatinExtendedA: Set<UInt32> = [
        0x126, 0x127, 0x138, 0x13F, 0x140, 0x149, 0x166, 0x167, 0x17F,
    ]
    /// Latin Extended-B letters LaTeX's UTF-8 input maps (Ǆ…ǔ, Ǣ ǣ, Ǧ…ǫ, ǰ, Ǵ ǵ, Ș…ț, Ȳ ȳ, ȷ).
    static let latinExtendedB: [ClosedRange<UInt32>] = [
        0x1C4...0x1D4, 0x1E2...0x1E3, 0x1E6...0x1EB, 0x1F0...0x1F0, 0x1F4...0x1F5, 0x218...0x21B, 0x232...0x233,
        0x237...0x237,
    ]
    /// Punctuation, currency and letterlike symbols with a text-mode glyph.
    static let symbols: Set<Character> = [
        "‐", "‑", "‒", "―", "‚", "„", "†", "‡", "•", "‰", "‱", "‹", "›", "※", "‽", "⁄", "⁎", "⁒", "₡", "₤", "₦", "₩",
        "₫", "€", "₱", "℃", "№", "℗", "℞", "℠", "™", "℧", "℮", "↑", "↓", "ẞ",
    ]

    /// Whether pdflatex typesets `character` as it is in text mode (no mapping needed).
    public static func isTypesetAsIs(_ character: Character) -> Bool {
        if symbols.contains(character) { return true }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        let value = scalar.value
        switch value {
        case 0xA0...0xFF: return value != 0xAD  // Latin-1 (a soft hyphen would vanish)
        case 0x100...0x17F: return !missingLatinExtendedA.contains(value)
        default: return latinExtendedB.contains { $0.contains(value) }
        }
    }

    /// The stand-in printed for a character pdflatex cannot typeset: its code points, as
    /// `\texttt{[U+1F393]}` (`[U+1F3F3 U+FE0F]` for a sequence).
    static func standIn(_ character: Character) -> String {
        "\\texttt{[" + codePoints(character) + "]}"
    }

    /// "U+1F393", or the code points of a sequence joined by spaces.
    public static func codePoints(_ character: Character) -> String {
        character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }

    /// The characters a LaTeX document shows as stand-ins, each once, in order of first
    /// appearance. Lesson text can never forge a stand-in: its backslashes are escaped.
    public static func replacedCharacters(in document: String) -> [Character] {
        let opening = "\\texttt{[U+"
        var found: [Character] = []
        var rest = Substring(document)
        while let start = rest.range(of: opening) {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: "]}") else { break }
            let scalars = ("U+" + rest[..<end.lowerBound]).split(separator: " ").compactMap { part -> Unicode.Scalar? in
                guard part.hasPrefix("U+"), let value = UInt32(part.dropFirst(2), radix: 16) else { return nil }
                return Unicode.Scalar(value)
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            if let character = String(text).first, !found.contains(character) { found.append(character) }
            rest = rest[end.upperBound...]
        }
        return found
    }
}

extension Substring {
    /// The range of the first occurrence of `needle`, searching by Unicode scalars.
    fileprivate func range(of needle: String) -> Range<Substring.Index>? {
        let pattern = Array(needle.unicodeScalars)
        guard let first = pattern.first else { return nil }
        var index = unicodeScalars.startIndex
        while index < unicodeScalars.endIndex {
            if unicodeScalars[index] == first {
                var probe = index
                var matched = 0
                while matched < pattern.count, probe < unicodeScalars.endIndex,
                    unicodeScalars[probe] == pattern[matched]
                {
                    probe = unicodeScalars.index(after: probe)
                    matched += 1
                }
                if matched == pattern.count { return index..<probe }
            }
            index = unicodeScalars.index(after: index)
        }
        return nil
    }
}
