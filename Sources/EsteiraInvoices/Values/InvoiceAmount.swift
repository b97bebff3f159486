import Foundation

/// Reads an invoice amount (`valor`) as an exact `Decimal`, never through binary floating point.
///
/// Accepted text: `1234.56`, `1234,56`, `1.234,56`, `1,234.56`, `R$ 1.234,56`, `1234`, `0.1`.
/// The rule for separators: when both `.` and `,` appear, the last one is the decimal separator
/// and the other groups thousands; when only one kind appears once, it is the decimal separator;
/// when it appears several times, it groups thousands. Thousands groups have exactly three digits.
/// So `1,234` and `1.234` are read as decimals with three places and rejected, because the
/// ambiguity between the Brazilian and the American reading cannot be settled from the text.
///
/// Rejected: anything that is not such a number (`abc`, `NaN`, `1e400` as text, `#REF!`),
/// any minus sign (also `-0` and `-0,00`: an amount with a sign is a credit, which a nota fiscal's
/// value never is), more than two decimal places, and more than 15 integer digits.
public enum InvoiceAmount {
    /// Why a text is not an acceptable amount.
    public enum Problem: String, Error, Sendable, Codable {
        case notANumber
        case negative
        case tooManyDecimalPlaces
        case outOfRange
    }

    /// The most integer digits an amount may have (below a quadrillion reais).
    public static let maxIntegerDigits = 15

    /// Parses an amount written as text (CSV cells, JSON strings).
    public static func parse(text: String) -> Result<Decimal, Problem> {
        var scalars = Substring(text).unicodeScalars[...]
        trimSpaces(&scalars)
        var negative = false
        if scalars.first == "-" { negative = true; scalars = scalars.dropFirst(); trimSpaces(&scalars) }
        if scalars.starts(with: "R$".unicodeScalars) { scalars = scalars.dropFirst(2); trimSpaces(&scalars) }
        if scalars.first == "-", !negative { negative = true; scalars = scalars.dropFirst(); trimSpaces(&scalars) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            guard scalar.isASCII, let byte = UInt8(exactly: scalar.value),
                  isDigit(byte) || byte == comma || byte == dot else { return .failure(.notANumber) }
            bytes.append(byte)
        }
        guard let first = bytes.first, let last = bytes.last, isDigit(first), isDigit(last) else {
            return .failure(.notANumber)
        }
        let commas = bytes.filter { $0 == comma }.count
        let dots = bytes.filter { $0 == dot }.count
        let decimalSeparator: UInt8?
        let groupSeparator: UInt8?
        switch (commas, dots) {
        case (0, 0): (decimalSeparator, groupSeparator) = (nil, nil)
        case (1, 0): (decimalSeparator, groupSeparator) = (comma, nil)
        case (0, 1): (decimalSeparator, groupSeparator) = (dot, nil)
        case (_, 0): (decimalSeparator, groupSeparator) = (nil, comma)
        case (0, _): (decimalSeparator, groupSeparator) = (nil, dot)
        default:
            let lastSeparator = bytes.last { $0 == comma || $0 == dot }!
            guard (lastSeparator == comma ? commas : dots) == 1 else { return .failure(.notANumber) }
            (decimalSeparator, groupSeparator) = (lastSeparator, lastSeparator == comma ? dot : comma)
        }
        var integerPart = bytes[...]
        var fraction: ArraySlice<UInt8> = []
        if let decimalSeparator, let index = bytes.firstIndex(of: decimalSeparator) {
            integerPart = bytes[..<index]
            fraction = bytes[(index + 1)...]
            guard !fraction.contains(where: { !isDigit($0) }) else { return .failure(.notANumber) }
        }
        var integerDigits: [UInt8] = []
        if let groupSeparator {
            let groups = integerPart.split(separator: groupSeparator, omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return .failure(.notANumber) }
            integerDigits = groups.flatMap { $0 }
        } else {
            integerDigits = Array(integerPart)
        }
        guard !integerDigits.isEmpty, integerDigits.allSatisfy(isDigit) else { return .failure(.notANumber) }
        if negative { return .failure(.negative) }
        return exact(integerDigits: integerDigits[...], fractionDigits: fraction)
    }

    /// Parses the text of a JSON number (`1111.11`, `15`, `1.5e2`), exactly as written.
    /// Exponents are applied to the digits; trailing zeros after the point are not decimal places.
    public static func parse(jsonNumber text: String) -> Result<Decimal, Problem> {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            var exponentBytes = bytes[(e + 1)...]
            var exponentNegative = false
            if exponentBytes.first == UInt8(ascii: "-") { exponentNegative = true; exponentBytes = exponentBytes.dropFirst() }
            else if exponentBytes.first == UInt8(ascii: "+") { exponentBytes = exponentBytes.dropFirst() }
            guard !exponentBytes.isEmpty, exponentBytes.allSatisfy(isDigit) else { return .failure(.notANumber) }
            guard exponentBytes.count <= 6 else { return .failure(exponentNegative ? .tooManyDecimalPlaces : .outOfRange) }
            exponent = Int(String(decoding: exponentBytes, as: UTF8.self))! * (exponentNegative ? -1 : 1)
            bytes = bytes[..<e]
        }
        var integerPart = bytes
        var fraction: ArraySlice<UInt8> = []
        if let point = bytes.firstIndex(of: dot) {
            integerPart = bytes[..<point]
            fraction = bytes[(point + 1)...]
        }
        guard !integerPart.isEmpty, integerPart.allSatisfy(isDigit), fraction.allSatisfy(isDigit) else {
            return .failure(.notANumber)
        }
        if negative { return .failure(.negative) }
        var digits = Array(integerPart) + Array(fraction)
        var scale = fraction.count - exponent
        if scale < 0 {
            guard -scale <= maxIntegerDigits + 1 else { return .failure(.outOfRange) }
            digits += repeatElement(UInt8(ascii: "0"), count: -scale)
            scale = 0
        }
        while scale > 2, digits.last == UInt8(ascii: "0") { digits.removeLast(); scale -= 1 }
        guard scale <= 2 else { return .failure(.tooManyDecimalPlaces) }
        while digits.count <= scale { digits.insert(UInt8(ascii: "0"), at: 0) }
        let split = digits.count - scale
        return exact(integerDigits: digits[..<split], fractionDigits: digits[split...])
    }

    private static func exact(integerDigits: ArraySlice<UInt8>, fractionDigits: ArraySlice<UInt8>) -> Result<Decimal, Problem> {
        guard fractionDigits.count <= 2 else { return .failure(.tooManyDecimalPlaces) }
        let significantInteger = integerDigits.drop { $0 == UInt8(ascii: "0") }
        guard significantInteger.count <= maxIntegerDigits else { return .failure(.outOfRange) }
        var significand: UInt64 = 0
        for digit in significantInteger + fractionDigits {
            significand = significand * 10 + UInt64(digit - UInt8(ascii: "0"))
        }
        return .success(Decimal(sign: .plus, exponent: -fractionDigits.count, significand: Decimal(significand)))
    }

    private static let comma = UInt8(ascii: ",")
    private static let dot = UInt8(ascii: ".")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func trimSpaces(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
    }
}
