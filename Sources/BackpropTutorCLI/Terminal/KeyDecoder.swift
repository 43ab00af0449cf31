/// Turns the bytes read from a raw terminal into keys.
///
/// Arrows come as `ESC [ A…D` or, in application cursor mode, `ESC O A…D`; Home and End as
/// `ESC [ H`/`F`, `ESC O H`/`F`, `ESC [ 1 ~`/`4 ~` or `ESC [ 7 ~`/`8 ~`; Page Up and Down as
/// `ESC [ 5 ~`/`6 ~`. A sequence may arrive split over several reads, so an unfinished one
/// is kept for the next `decode`; an `ESC` with nothing after it is a lone Escape once the
/// caller has waited a moment (`flushPendingEscape`). Text is UTF-8.
struct KeyDecoder {
    /// Bytes of an unfinished escape sequence or UTF-8 character.
    private(set) var pending: [UInt8] = []

    /// The keys in `bytes` (after what was pending); keeps an unfinished tail pending.
    mutating func decode(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var index = 0
        while index < pending.count {
            guard let (key, length) = Self.key(at: index, in: pending) else { break }
            keys.append(key)
            index += length
        }
        pending.removeFirst(index)
        return keys
    }

    /// Whether an `ESC` is waiting for the rest of its sequence.
    var hasPendingEscape: Bool { pending.first == 0x1B }

    /// What is pending, taken as finished: a lone `ESC` is Escape, the rest is ignored.
    mutating func flushPendingEscape() -> [Key] {
        guard !pending.isEmpty else { return [] }
        let key: Key = pending == [0x1B] ? .escape : .unknown
        pending = []
        return [key]
    }

    /// The key starting at `index` and its length in bytes, or nil when more bytes are needed.
    private static func key(at index: Int, in bytes: [UInt8]) -> (Key, Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x1B: return escapeSequence(at: index, in: bytes)
        case 0x03: return (.interrupt, 1)
        case 0x04: return (.endOfText, 1)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x00..<0x20: return (.unknown, 1)
        case 0x20..<0x7F: return (.character(Character(Unicode.Scalar(byte))), 1)
        default: return utf8Character(at: index, in: bytes)
        }
    }

    private static func escapeSequence(at index: Int, in bytes: [UInt8]) -> (Key, Int)? {
        guard index + 1 < bytes.count else { return nil }
        let introducer = bytes[index + 1]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
            // ESC then an ordinary key (Alt+key, or Escape typed quickly before it).
            return (.escape, 1)
        }
        // Parameters (digits and ';') up to the final byte (0x40…0x7E).
        var end = index + 2
        while end < bytes.count, (0x30...0x3F).contains(bytes[end]) { end += 1 }
        guard end < bytes.count else { return nil }
        let final = bytes[end]
        let parameters = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
        let length = end - index + 1
        switch (Unicode.Scalar(final), parameters) {
        case ("A", _): return (.up, length)
        case ("B", _): return (.down, length)
        case ("C", _): return (.right, length)
        case ("D", _): return (.left, length)
        case ("H", _): return (.home, length)
        case ("F", _): return (.end, length)
        case ("~", "1"), ("~", "7"): return (.home, length)
        case ("~", "4"), ("~", "8"): return (.end, length)
        case ("~", "5"): return (.pageUp, length)
        case ("~", "6"): return (.pageDown, length)
        default: return (.unknown, length)
        }
    }

    private static func utf8Character(at index: Int, in bytes: [UInt8]) -> (Key, Int)? {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (.unknown, 1)
        }
        guard index + length <= bytes.count else { return nil }
        let text = String(decoding: bytes[index..<(index + length)], as: UTF8.self)
        guard let character = text.first, text.count == 1 else { return (.unknown, length) }
        return (.character(character), length)
    }
}
