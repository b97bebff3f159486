import Foundation
import Testing
@testable import EsteiraTables

@Suite struct ItemCodecTests {
    @Test func roundTripsEveryType() throws {
        let original = try item(#"{"b":{"B":"AAEC/w=="},"bs":{"BS":["AQ==","Ag=="]},"f":{"BOOL":false},"t":{"BOOL":true},"l":{"L":[{"N":"-1.5"},{"S":""},{"NULL":true},{"L":[]}]},"m":{"M":{"inner":{"M":{"n":{"N":"1e-130"}}},"e":{"M":{}}}},"n":{"N":"0"},"ns":{"NS":["1","-2.5","1e125"]},"s":{"S":"João 🇧🇷"},"ss":{"SS":["a","b"]}}"#)
        let encoded = ItemCodec.encode(original)
        #expect(try ItemCodec.decode(encoded) == original)
        #expect(encoded.count < AttributeValue.encodeItem(original).count)
    }

    @Test func refusesBytesItDidNotWrite() {
        #expect(throws: DynamoDBError.self) { try ItemCodec.decode(Data([5, 1, 2])) }
        #expect(throws: DynamoDBError.self) { try ItemCodec.decode(Data([1, 1, 0x61, 99])) }
    }
}
