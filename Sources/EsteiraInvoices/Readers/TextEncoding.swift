/// The character encoding a text file was read with.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "UTF-8"
    /// Windows-1252, the encoding Excel in Brazil saves CSV files in; converted to Unicode when read.
    case windows1252 = "Windows-1252"
}
