/// Why a theme could not be used; the message names the file and line.
struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
