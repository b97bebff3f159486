import Testing
@testable import EsteiraTUI
@Test func builds() { #expect(Bool(true)) }
