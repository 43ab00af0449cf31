extension Inline {
    /// Plain words.
    static func t(_ text: String) -> Inline { .text(text) }
    /// Inline math.
    static func m(_ math: Math) -> Inline { .math(math) }
}
