/// The published way of writing an identifier with separators, such as `000.000.000-00`.
///
/// In a mask, `#` stands for one character of the number and anything else is a separator that
/// must appear exactly there.
struct DocumentMask: Sendable {
    let pattern: String
    private let patternBytes: [UInt8]
    private let slots: Int

    init(pattern: String) {
        self.pattern = pattern
        patternBytes = Array(pattern.utf8)
        slots = patternBytes.filter { $0 == UInt8(ascii: "#") }.count
    }

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

    /// The fast path of well-formed input: the ASCII bytes of `raw` without the blanks around it
    /// and without the mask's separators, when `raw` is ASCII and written either bare or exactly
    /// with the mask; nil otherwise (the caller's general path then says what is wrong).
    func bareASCII(_ raw: String) -> [UInt8]? {
        let bytes = DocumentMask.trimmedASCII(raw)
        guard let bytes else { return nil }
        if bytes.count == slots { return Array(bytes) }
        guard bytes.count == patternBytes.count else { return nil }
        var bare: [UInt8] = []
        bare.reserveCapacity(slots)
        for (byte, slot) in zip(bytes, patternBytes) {
            if slot == UInt8(ascii: "#") {
                bare.append(byte)
            } else if byte != slot {
                return nil
            }
        }
        return bare
    }

    /// The bytes of `raw` without the spaces and tabs around it, when `raw` is printable ASCII
    /// (tabs allowed, where a byte is a character); nil otherwise.
    static func trimmedASCII(_ raw: String) -> ArraySlice<UInt8>? {
        let bytes = Array(raw.utf8)
        guard bytes.allSatisfy({ (0x20..<0x7F).contains($0) || $0 == 0x09 }) else { return nil }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }),
              let last = bytes.lastIndex(where: { !isBlank($0) }) else { return [] }
        return bytes[first...last]
    }

    /// `bare` written with the mask's separators; `bare` must have one character per `#`.
    func apply(to bare: String) -> String {
        var characters = bare.makeIterator()
        return String(pattern.map { $0 == "#" ? (characters.next() ?? " ") : $0 })
    }
}
