import Foundation

/// The derived key values that let every look-up use an index (docs/KEY-DESIGN.md).
enum InvoiceKeys {
    /// Upper case, accents removed, spaces collapsed, `#` (the key separator) replaced: so that
    /// `joao  silva` finds `João Silva`.
    static func foldedName(_ nome: String) -> String {
        nome.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .uppercased()
            .replacingOccurrences(of: "#", with: " ")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// The `by-nome` partition: the folded name's first character.
    static func nameInitial(_ folded: String) -> String {
        folded.first.map(String.init) ?? "?"
    }

    /// A CPF or CNPJ reduced to its letters and digits, upper case: `123.456.789-09` → `12345678909`.
    static func documentKey(_ documento: String) -> String {
        let utf8 = documento.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            // Upper-casing can turn other letters into ASCII ones (ß → SS): the general path.
            return String(documento.uppercased().unicodeScalars.filter { ("0"..."9").contains($0) || ("A"..."Z").contains($0) }
                .map(Character.init))
        }
        return String(unsafeUninitializedCapacity: utf8.count) { key in
            var count = 0
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"): key[count] = byte
                case UInt8(ascii: "a")...UInt8(ascii: "z"): key[count] = byte - 32
                default: continue
                }
                count += 1
            }
            return count
        }
    }

    /// `2024-03` from `2024-03-15`.
    static func month(_ isoDate: String) -> String { String(isoDate.prefix(7)) }

    /// The sort-key suffix that sorts after every `…#date#numero` with the same prefix.
    static let upperBound = "#\u{10FFFF}"
}
