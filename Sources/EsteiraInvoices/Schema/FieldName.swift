import Foundation

/// Column and key names as they are compared: `Data_Emissão`, `data emissao` and `DATAEMISSAO`
/// are the same name.
public enum FieldName {
    /// The name folded for comparison: lowercased, without accents, spaces, underscores or hyphens.
    public static func normalized(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { scalar in
            !(scalar.properties.isWhitespace || scalar == "_" || scalar == "-" || scalar == "\u{FEFF}")
        }.map(Character.init))
    }
}
