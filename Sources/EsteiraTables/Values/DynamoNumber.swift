import Foundation

/// A DynamoDB number: an exact decimal of at most 38 significant digits whose magnitude lies in
/// 1E-130 ... 9.99…E+125 (or is zero), kept exactly and printed as DynamoDB returns it.
///
/// `DynamoNumber("0150")` prints `150`, `"12.50"` prints `12.5`, `"1e2"` prints `100`; large and
/// small magnitudes print as plain digits, never in exponent notation. Equality is by value.
public struct DynamoNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most significant digits DynamoDB stores.
    public static let maximumSignificantDigits = 38
    /// The largest decimal exponent of the leading digit (9.99…E+125).
    static let maximumScientificExponent = 125
    /// The smallest decimal exponent of the leading digit (1E-130).
    static let minimumScientificExponent = -130

    /// Whether the number is below zero (never true for zero).
    private let isNegative: Bool
    /// The significant digits, most significant first, values 0...9, without leading or trailing
    /// zeros; empty for zero.
    private let digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    private let exponent: Int

    /// Zero.
    public static let zero = DynamoNumber(isNegative: false, digits: [], exponent: 0)

    private init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
    }

    /// Parses a number in DynamoDB's accepted syntax (`-12.50`, `1e2`, `.5`), refusing what
    /// DynamoDB refuses with its exact messages.
    public init(_ text: String) throws(DynamoDBError) {
        guard let parsed = Self.parse(Array(text.utf8)) else {
            throw .validation(text.isEmpty
                ? "The parameter cannot be converted to a numeric value"
                : "The parameter cannot be converted to a numeric value: \(text)")
        }
        self = try Self.normalised(isNegative: parsed.isNegative, digits: parsed.digits, exponent: parsed.exponent)
    }

    /// The number equal to `value`; refuses NaN and values outside DynamoDB's precision or range.
    public init(_ value: Decimal) throws(DynamoDBError) {
        guard value.isFinite else {
            throw .validation("The parameter cannot be converted to a numeric value: \(value)")
        }
        // Most decimals (every amount of money) have a significand that fits in 64 bits: its
        // digits come from that integer, checked exact, instead of from the decimal's text, which
        // Foundation builds slowly.
        let significand = value.significand
        let units = NSDecimalNumber(decimal: significand).uint64Value
        if Decimal(units) == significand {
            // Zero has no digits, and normalises to zero whatever its sign.
            self = try Self.normalised(isNegative: value.sign == .minus, digits: Self.digits(of: units), exponent: value.exponent)
        } else {
            try self.init(value.description)
        }
    }

    /// The number equal to `value`.
    public init(_ value: Int) {
        // An Int has at most 19 digits, always within range.
        self = (try? Self.normalised(isNegative: value < 0, digits: Self.digits(of: UInt64(value.magnitude)), exponent: 0)) ?? .zero
    }

    /// The decimal digits of `value`, most significant first (none for zero).
    private static func digits(of value: UInt64) -> [UInt8] {
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var rest = value
        while rest > 0 {
            digits.append(UInt8(rest % 10))
            rest /= 10
        }
        digits.reverse()
        return digits
    }

    /// The normalised text, as DynamoDB returns the number: no exponent, no leading zeros, no
    /// trailing fractional zeros, no `-0`.
    public var description: String {
        if digits.isEmpty { return "0" }
        var text = isNegative ? "-" : ""
        let digitText = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        if exponent >= 0 {
            text += digitText + String(repeating: "0", count: exponent)
        } else {
            let integerCount = digits.count + exponent
            if integerCount > 0 {
                let split = digitText.index(digitText.startIndex, offsetBy: integerCount)
                text += digitText[..<split] + "." + digitText[split...]
            } else {
                text += "0." + String(repeating: "0", count: -integerCount) + digitText
            }
        }
        return text
    }

    /// The number as a Foundation `Decimal` (for money sums): exact, since the number has at most
    /// 38 significant digits, when its exponent is within `Decimal`'s range (-128...127).
    public var decimalValue: Decimal {
        // The digits are taken 19 at a time as a UInt64 (exact), so `Decimal` arithmetic runs
        // once per 19 digits rather than twice per digit: a money value takes none at all.
        var significand = Decimal(0)
        var start = digits.startIndex
        while start < digits.endIndex {
            let end = min(start + Self.digitsPerChunk, digits.endIndex)
            let chunk = digits[start..<end].reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
            significand = start == digits.startIndex
                ? Decimal(chunk) : significand * Decimal(Self.powersOfTen[end - start]) + Decimal(chunk)
            start = end
        }
        return Decimal(sign: isNegative ? .minus : .plus, exponent: exponent, significand: significand)
    }

    /// The most decimal digits a UInt64 always holds.
    private static let digitsPerChunk = 19
    /// 10⁰ … 10¹⁹.
    private static let powersOfTen: [UInt64] = (0...digitsPerChunk).map { power in
        (0..<power).reduce(UInt64(1)) { value, _ in value * 10 }
    }

    /// How many significant digits the number has (0 for zero); DynamoDB sizes numbers by it.
    public var significantDigitCount: Int { digits.count }

    /// Whether the number is zero.
    public var isZero: Bool { digits.isEmpty }

    /// The exact sum; refuses a result DynamoDB could not store.
    public static func + (lhs: DynamoNumber, rhs: DynamoNumber) throws(DynamoDBError) -> DynamoNumber {
        if lhs.isZero { return rhs }
        if rhs.isZero { return lhs }
        let common = min(lhs.exponent, rhs.exponent)
        let a = lhs.digits + [UInt8](repeating: 0, count: lhs.exponent - common)
        let b = rhs.digits + [UInt8](repeating: 0, count: rhs.exponent - common)
        if lhs.isNegative == rhs.isNegative {
            return try normalised(isNegative: lhs.isNegative, digits: addMagnitudes(a, b), exponent: common)
        }
        switch compareMagnitudes(a, b) {
        case .orderedSame:
            return .zero
        case .orderedDescending:
            return try normalised(isNegative: lhs.isNegative, digits: subtractMagnitudes(a, b), exponent: common)
        case .orderedAscending:
            return try normalised(isNegative: rhs.isNegative, digits: subtractMagnitudes(b, a), exponent: common)
        }
    }

    /// The exact difference; refuses a result DynamoDB could not store.
    public static func - (lhs: DynamoNumber, rhs: DynamoNumber) throws(DynamoDBError) -> DynamoNumber {
        try lhs + rhs.negated
    }

    /// The number with the opposite sign.
    public var negated: DynamoNumber {
        isZero ? self : DynamoNumber(isNegative: !isNegative, digits: digits, exponent: exponent)
    }

    /// Numeric order.
    public static func < (lhs: DynamoNumber, rhs: DynamoNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeOrder = compareMagnitude(lhs, rhs)
        return lhs.isNegative ? magnitudeOrder == .orderedDescending : magnitudeOrder == .orderedAscending
    }

    /// Bytes whose `memcmp` order is the numbers' numeric order, for number keys in SQLite indexes.
    ///
    /// Layout: a class byte (0 negative, 1 zero, 2 positive), the leading digit's exponent biased to
    /// two big-endian bytes, then one byte per digit; for negatives the exponent and digits are
    /// complemented and a 0xFF terminator makes a longer digit string sort first.
    public var sortableBytes: [UInt8] {
        if isZero { return [1] }
        let biased = UInt16(scientificExponent + 200)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + 4)
        if isNegative {
            let inverted = UInt16.max - biased
            bytes.append(0)
            bytes.append(UInt8(inverted >> 8))
            bytes.append(UInt8(inverted & 0xFF))
            for digit in digits { bytes.append(9 - digit) }
            bytes.append(0xFF)
        } else {
            bytes.append(2)
            bytes.append(UInt8(biased >> 8))
            bytes.append(UInt8(biased & 0xFF))
            bytes.append(contentsOf: digits)
        }
        return bytes
    }

    /// Decodes `sortableBytes` back into the number; nil for bytes it did not produce.
    public init?(sortableBytes bytes: [UInt8]) {
        guard let kind = bytes.first else { return nil }
        if kind == 1 && bytes.count == 1 { self = .zero; return }
        guard bytes.count >= 4, kind == 0 || kind == 2 else { return nil }
        let stored = UInt16(bytes[1]) << 8 | UInt16(bytes[2])
        let negative = kind == 0
        let biased = negative ? UInt16.max - stored : stored
        let digits = negative ? bytes[3..<(bytes.count - 1)].map { 9 &- $0 } : Array(bytes[3...])
        guard !digits.isEmpty, digits.allSatisfy({ $0 <= 9 }), digits.first != 0, digits.last != 0,
              !negative || bytes.last == 0xFF else { return nil }
        let exponent = Int(biased) - 200 - (digits.count - 1)
        self.init(isNegative: negative, digits: digits, exponent: exponent)
    }

    /// The decimal exponent of the leading digit (`1.5E+3` → 3).
    private var scientificExponent: Int { exponent + digits.count - 1 }

    // MARK: - Parsing and normalising

    private static func parse(_ bytes: [UInt8]) -> (isNegative: Bool, digits: [UInt8], exponent: Int)? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var fractionCount = 0
        var sawPoint = false
        var sawDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                // Leading zeros carry no value; skipping them keeps the array short.
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if sawPoint { fractionCount += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var sawExponentDigit = false
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                sawExponentDigit = true
                // Clamped: anything this large is out of range whatever the digits are.
                exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000_000)
                index += 1
            }
            guard sawExponentDigit else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == bytes.count else { return nil }
        return (negative, digits, exponent - fractionCount)
    }

    /// Strips leading and trailing zeros and checks precision and range, in DynamoDB's order.
    private static func normalised(isNegative: Bool, digits: [UInt8], exponent: Int) throws(DynamoDBError) -> DynamoNumber {
        guard let first = digits.firstIndex(where: { $0 != 0 }) else { return .zero }
        let last = digits.lastIndex(where: { $0 != 0 })!
        let significant = Array(digits[first...last])
        let adjustedExponent = exponent + (digits.count - 1 - last)
        if significant.count > maximumSignificantDigits {
            throw .validation("Attempting to store more than 38 significant digits in a Number")
        }
        let scientific = adjustedExponent + significant.count - 1
        if scientific > maximumScientificExponent {
            throw .validation("Number overflow. Attempting to store a number with magnitude larger than supported range")
        }
        if scientific < minimumScientificExponent {
            throw .validation("Number underflow. Attempting to store a number with magnitude smaller than supported range")
        }
        return DynamoNumber(isNegative: isNegative, digits: significant, exponent: adjustedExponent)
    }

    // MARK: - Digit arithmetic on magnitudes (most significant digit first)

    private static func compareMagnitude(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> ComparisonResult {
        if lhs.isZero || rhs.isZero {
            if lhs.isZero && rhs.isZero { return .orderedSame }
            return lhs.isZero ? .orderedAscending : .orderedDescending
        }
        if lhs.scientificExponent != rhs.scientificExponent {
            return lhs.scientificExponent < rhs.scientificExponent ? .orderedAscending : .orderedDescending
        }
        for (a, b) in zip(lhs.digits, rhs.digits) where a != b {
            return a < b ? .orderedAscending : .orderedDescending
        }
        if lhs.digits.count == rhs.digits.count { return .orderedSame }
        return lhs.digits.count < rhs.digits.count ? .orderedAscending : .orderedDescending
    }

    /// Compares two digit strings of the same scale as integers.
    private static func compareMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> ComparisonResult {
        let a = a.drop(while: { $0 == 0 })
        let b = b.drop(while: { $0 == 0 })
        if a.count != b.count { return a.count < b.count ? .orderedAscending : .orderedDescending }
        for (x, y) in zip(a, b) where x != y {
            return x < y ? .orderedAscending : .orderedDescending
        }
        return .orderedSame
    }

    private static func addMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: max(a.count, b.count) + 1)
        var carry: UInt8 = 0
        var i = a.count - 1, j = b.count - 1, k = result.count - 1
        while k >= 0 {
            let sum = (i >= 0 ? a[i] : 0) + (j >= 0 ? b[j] : 0) + carry
            result[k] = sum % 10
            carry = sum / 10
            i -= 1; j -= 1; k -= 1
        }
        return result
    }

    /// `a - b` for `a >= b`.
    private static func subtractMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow: Int = 0
        var j = b.count - 1
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            var difference = Int(a[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = 0
            if difference < 0 { difference += 10; borrow = 1 }
            result[i] = UInt8(difference)
            j -= 1
        }
        return result
    }
}
