/// The modulo-11 check digit shared by CPF, CNPJ and the chave de acesso.
///
/// Each character is valued by its ASCII code minus 48 (so `"7"` is 7 and `"A"` is 17, as the
/// Receita Federal defines for the alphanumeric CNPJ), multiplied by weights that start at 2 on the
/// rightmost character and grow by one up to `highestWeight`, then start again at 2. A remainder
/// of 0 or 1 gives the digit 0; any other remainder `r` gives `11 - r`.
enum Modulo11 {
    /// The check digit for `characters` (ASCII digits or upper-case letters).
    static func checkDigit<C: Collection>(of characters: C, highestWeight: Int) -> Int
    where C.Element == Character {
        var sum = 0
        var weight = 2
        for character in characters.reversed() {
            sum += value(of: character) * weight
            weight = weight == highestWeight ? 2 : weight + 1
        }
        let remainder = sum % 11
        return remainder < 2 ? 0 : 11 - remainder
    }

    private static func value(of character: Character) -> Int {
        Int(character.asciiValue ?? 48) - 48
    }
}
