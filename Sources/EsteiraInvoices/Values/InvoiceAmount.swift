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
        var text = text
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            // Only spaces may be non-ASCII (Excel's currency format puts a no-break space after R$).
            var ascii = ""
            for scalar in text.unicodeScalars {
                if scalar.isASCII { ascii.unicodeScalars.append(scalar) }
                else if scalar.properties.isWhitespace { ascii.append(" ") }
                else { return .failure(.notANumber) }
            }
            text = ascii
        }
        return text.withUTF8(parseASCII)
    }

    /// One pass over ASCII bytes, no allocation: the common case of a million-row file.
    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Decimal, Problem> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var start = 0, end = bytes.count
        func skipSpaces() { while start < end, isSpace(bytes[start]) { start += 1 } }
        skipSpaces()
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        var negative = false
        if start < end, bytes[start] == minus { negative = true; start += 1; skipSpaces() }
        if end - start >= 2, bytes[start] == UInt8(ascii: "R"), bytes[start + 1] == UInt8(ascii: "$") { start += 2; skipSpaces() }
        if !negative, start < end, bytes[start] == minus { negative = true; start += 1; skipSpaces() }
        guard start < end, isDigit(bytes[start]), isDigit(bytes[end - 1]) else { return .failure(.notANumber) }

        var commas = 0, dots = 0, lastSeparator: UInt8 = 0
        for index in start..<end {
            let byte = bytes[index]
            if byte == comma { commas += 1; lastSeparator = byte }
            else if byte == dot { dots += 1; lastSeparator = byte }
            else if !isDigit(byte) { return .failure(.notANumber) }
        }
        var decimalSeparator: UInt8 = 0
        switch (commas, dots) {
        case (0, 0), (2..., 0), (0, 2...): break
        case (1, 0), (0, 1): decimalSeparator = lastSeparator
        default:
            guard (lastSeparator == comma ? commas : dots) == 1 else { return .failure(.notANumber) }
            decimalSeparator = lastSeparator
        }

        var significand: UInt64 = 0
        var integerDigits = 0, groupLength = 0, groups = 0
        var index = start
        while index < end, bytes[index] != decimalSeparator {
            let byte = bytes[index]
            if isDigit(byte) {
                groupLength += 1
                if significand != 0 || byte != UInt8(ascii: "0") {
                    integerDigits += 1
                    if integerDigits <= maxIntegerDigits { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
                }
            } else {
                guard groups == 0 ? (1...3).contains(groupLength) : groupLength == 3 else { return .failure(.notANumber) }
                groups += 1
                groupLength = 0
            }
            index += 1
        }
        guard groups == 0 || groupLength == 3 else { return .failure(.notANumber) }
        var fractionDigits = 0
        if index < end {
            index += 1
            while index < end {
                fractionDigits += 1
                if fractionDigits <= 2 { significand = significand * 10 + UInt64(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
        }
        if negative { return .failure(.negative) }
        if fractionDigits > 2 { return .failure(.tooManyDecimalPlaces) }
        if integerDigits > maxIntegerDigits { return .failure(.outOfRange) }
        return .success(Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand)))
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

    private static let minus = UInt8(ascii: "-")
    private static let comma = UInt8(ascii: ",")
    private static let dot = UInt8(ascii: ".")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

}
