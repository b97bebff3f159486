import Foundation
import Testing
@testable import EsteiraInvoices

/// The acceptance check: for gen-invoices datasets, the accepted rows and the exact sum of
/// `valor` equal `--summary`, and every bad row from `--manifest` is rejected for the right field
/// with the right reason.
@Suite struct GenInvoicesAcceptanceTests {
    static let datasets = [("us", "csv"), ("us", "json"), ("us", "jsonl"), ("br", "csv"), ("br", "json"), ("br", "jsonl")]

    @Test(arguments: datasets)
    func acceptsExactlyTheGoodRowsAndRejectsEveryBadOne(locale: String, format: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notas-\(locale).\(format)")
        let (summary, badRows) = try GenInvoices.generate(rows: 2000, format: format, locale: locale, badRate: 0.01, out: file)
        #expect(summary.bad_rows == 20)
        #expect(badRows.count == summary.bad_rows)

        let reader = try InvoiceFileReader(url: file, key: file.lastPathComponent)
        var accepted = 0
        var sum = Decimal(0)
        var rejections: [String: RowRejection] = [:]
        while let outcome = try reader.next() {
            switch outcome {
            case .accepted(let invoice):
                accepted += 1
                sum += invoice.valor
            case .rejected(let rejection):
                rejections[try #require(rejection.numero, "\(rejection)")] = rejection
            }
        }
        #expect(accepted == summary.good_rows)
        #expect(sum == decimal(summary.sum_valor_good))
        #expect(rejections.count == summary.bad_rows)
        for bad in badRows {
            let rejection = try #require(rejections[bad.numero], "bad row \(bad.numero) (\(bad.kind)) was not rejected")
            #expect(rejection.field == bad.field, "\(bad.numero) \(bad.kind): \(rejection.message)")
            #expect(Self.expectedReasons(bad).contains(rejection.reason), "\(bad.numero) \(bad.kind): \(rejection.message)")
            if bad.kind != "missing_nome" { #expect(rejection.rawValue == bad.value, "\(rejection.message)") }
        }
    }

    /// gen-invoices' bad kinds and the reasons that report them: an empty CSV cell is `empty`,
    /// an absent JSON key is `missing`, a cell of spaces is `blank`.
    static func expectedReasons(_ bad: GenInvoices.BadRow) -> Set<RejectionReason> {
        switch bad.kind {
        case "missing_nome": [.missing, .empty]
        case "bad_date": [.invalidDate]
        case "nonnumeric_valor": [.notANumber]
        case "negative_valor": [.negativeAmount]
        case "blank_field": bad.value.isEmpty ? [.empty] : [.blank]
        default: []
        }
    }
}
