import Testing
@testable import EsteiraCore
@Test func placeholder() { #expect(DataDirectory.defaultRelativePath == ".esteira") }
