import Foundation
import Testing
@testable import EsteiraInvoices

/// The NF-e files in Fixtures/nfe (see the README there), read through the real `NFeReader`.
enum NFeFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/nfe")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func read(_ name: String) throws -> NFeNota {
        try NFeReader().read(Data(text(name).utf8))
    }

    /// Reads `name` after replacing `original` (which must occur) with `replacement`.
    static func read(_ name: String, replacing original: String, with replacement: String) throws -> NFeNota {
        try NFeReader().read(Data(modified(name, replacing: original, with: replacement).utf8))
    }

    static func modified(_ name: String, replacing original: String, with replacement: String) throws -> String {
        let source = try text(name)
        try #require(source.contains(original), "\(name) has no \(original)")
        return source.replacingOccurrences(of: original, with: replacement)
    }

    /// The error that rejects `text`, recorded as a test failure if it is accepted.
    static func rejection(of text: String, limits: NFeReader.Limits = NFeReader.Limits()) -> NFeError? {
        #expect(throws: NFeError.self) { try NFeReader(limits: limits).read(Data(text.utf8)) }
    }

    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
    }
}
