import Testing
@testable import EsteiraInvoices
@Test func builds() { #expect(Bool(true)) }
