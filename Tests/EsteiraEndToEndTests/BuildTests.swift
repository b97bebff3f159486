import Testing
@Test func binaryIsBuilt() { #expect(Bool(true)) }
