import Foundation
import GRDB
import Testing
@testable import EsteiraTables

/// Key attributes are stored once, in their key columns, and every read puts them back: the items
/// read are exactly the items written, whatever their key types and whichever indexes they are in.
@Suite struct StoredLayoutTests {
    /// Keys of all three types, and two sparse indexes sharing a sort attribute.
    static let definition = TableDefinition(
        name: "things",
        partitionKey: KeyAttribute(name: "id", type: .string),
        sortKey: KeyAttribute(name: "version", type: .number),
        globalSecondaryIndexes: [
            GlobalSecondaryIndex(name: "byOwner", partitionKey: KeyAttribute(name: "owner", type: .string),
                                 sortKey: KeyAttribute(name: "at", type: .string)),
            GlobalSecondaryIndex(name: "byDigest", partitionKey: KeyAttribute(name: "digest", type: .binary),
                                 sortKey: KeyAttribute(name: "at", type: .string)),
            GlobalSecondaryIndex(name: "byRank", partitionKey: KeyAttribute(name: "rank", type: .number)),
        ])

    static let items: [Item] = [
        // In every index.
        ["id": .string("a"), "version": .number(DynamoNumber(3)), "owner": .string("Zoë"), "at": .string("2024-01-02"),
         "digest": .binary(Data([0, 255, 7])), "rank": .number(try! DynamoNumber("-12.50")), "note": .string("x")],
        // `at` missing: in no index with a sort key, so `owner` and `digest` stay in the attributes.
        ["id": .string("b"), "version": .number(try! DynamoNumber("0.001")), "owner": .string("Ana"),
         "digest": .binary(Data([1])), "tags": .stringSet(["t"])],
        // Only in byRank, with a large number.
        ["id": .string("c"), "version": .number(DynamoNumber(1)), "rank": .number(try! DynamoNumber("1E+100"))],
    ]

    func filledStore() throws -> TableStore {
        let store = try makeStore()
        try store.createTable(Self.definition)
        for item in Self.items { try store.putItem(PutItemRequest(tableName: "things", item: item)) }
        return store
    }

    func byID(_ items: [Item]) -> [String: Item] {
        Dictionary(uniqueKeysWithValues: items.map { (($0["id"]).flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "", $0) })
    }

    /// The attribute names kept in each row's encoded attributes.
    func encodedNames(_ store: TableStore) throws -> [String: Set<String>] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT pk, item FROM tables_items_1").reduce(into: [:]) { names, row in
                names[String(decoding: row["pk"] as Data, as: UTF8.self)] = Set(try ItemCodec.decode(row["item"]).keys)
            }
        }
    }

    @Test func keyAttributesAreStoredOnlyInTheirColumns() throws {
        let names = try encodedNames(filledStore())
        #expect(names["a"] == ["note"])
        #expect(names["b"] == ["owner", "digest", "tags"])
        #expect(names["c"] == [])
    }

    @Test func everyReadReturnsTheItemsAsWritten() throws {
        let store = try filledStore()
        let expected = byID(Self.items)
        for (id, item) in expected {
            let key = ["id": item["id"]!, "version": item["version"]!]
            #expect(try store.getItem(GetItemRequest(tableName: "things", key: key)).item == item, "\(id)")
        }
        #expect(byID(try store.scan(ScanRequest(tableName: "things")).items) == expected)
        #expect(byID(try store.items(table: "things", offset: 0, limit: 10)) == expected)
        let byRank = try store.query(QueryRequest(tableName: "things", indexName: "byRank", keyConditionExpression: "#r = :r",
                                                  expressionAttributeNames: ["#r": "rank"],
                                                  expressionAttributeValues: [":r": .number(try DynamoNumber("1e100"))]))
        #expect(byRank.items == [expected["c"]!])
        let byDigest = try store.query(QueryRequest(tableName: "things", indexName: "byDigest", keyConditionExpression: "digest = :d",
                                                    expressionAttributeValues: [":d": .binary(Data([0, 255, 7]))]))
        #expect(byDigest.items == [expected["a"]!])
        let page = try store.scan(ScanRequest(tableName: "things", indexName: "byOwner", limit: 1))
        #expect(page.lastEvaluatedKey == ["id": .string("a"), "version": .number(DynamoNumber(3)),
                                          "owner": .string("Zoë"), "at": .string("2024-01-02")])
    }

    @Test func rowsWrittenWithEveryAttributeEncodedReadTheSame() throws {
        let store = try filledStore()
        // The layout before key attributes were left out: the whole item encoded.
        try store.writer.write { db in
            for item in Self.items {
                guard case .string(let id) = item["id"]! else { continue }
                try db.execute(sql: "UPDATE tables_items_1 SET item = ? WHERE pk = ?",
                               arguments: [ItemCodec.encode(item), Data(id.utf8)])
            }
        }
        #expect(try encodedNames(store)["a"]?.count == 7)
        #expect(byID(try store.scan(ScanRequest(tableName: "things")).items) == byID(Self.items))
    }

    @Test func anUpdateThatTakesAnItemOutOfAnIndexKeepsItsAttributes() throws {
        let store = try filledStore()
        let key: Item = ["id": .string("a"), "version": .number(DynamoNumber(3))]
        _ = try store.updateItem(UpdateItemRequest(tableName: "things", key: key, updateExpression: "REMOVE #at",
                                                   expressionAttributeNames: ["#at": "at"]))
        var expected = Self.items[0]
        expected["at"] = nil
        #expect(try store.getItem(GetItemRequest(tableName: "things", key: key)).item == expected)
        #expect(try encodedNames(store)["a"] == ["note", "owner", "digest"])
    }
}
