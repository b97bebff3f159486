import Testing
@testable import EsteiraTables
@Test func builds() { #expect(Bool(true)) }
