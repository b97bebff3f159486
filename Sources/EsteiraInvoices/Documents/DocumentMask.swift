/// The published way of writing an identifier with separators, such as `000.000.000-00`.
///
/// In a mask, `#` stands for one character of the number and anything else is a separator that
/// must appear exactly there.
struct DocumentMask: Sendable {
    let pattern: String

    /// The characters of `text` without the separators, or nil when `text` does not follow the mask.
    func strip(_ text: String) -> String? {
        guard text.count == pattern.count else { return nil }
        var bare = ""
        for (character, slot) in zip(text, pattern) {
            if slot == "#" {
                bare.append(character)
            } else if character != slot {
                return nil
            }
        }
        return bare
    }

    /// `bare` written with the mask's separators; `bare` must have one character per `#`.
    func apply(to bare: String) -> String {
        var characters = bare.makeIterator()
        return String(pattern.map { $0 == "#" ? (characters.next() ?? " ") : $0 })
    }
}
