import Foundation
import Testing
@testable import EsteiraInvoices

/// The hostile inputs of the reliability issue, each with its expected outcome: a clear file-level
/// rejection, or the bad rows rejected while the valid rows of the same file are kept.
@Suite struct HostileInputTests {
    static let header = "numero,nome,data,valor\n"
    static let good = "1,Ana,2024-01-01,1.00\n"
    static let lastGood = "3,Caio,2024-01-03,3.00\n"

    /// A CSV with a valid row before and after `middle`.
    static func csv(_ middle: String) -> Data { Data((header + good + middle + lastGood).utf8) }

    static func xlsx() -> Data {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]
        bytes += Array(repeating: 0, count: 20) + Array("[Content_Types].xml".utf8) + [0x8D, 0x90, 0xC1, 0x4E, 0x00, 0x01]
        bytes += [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("xl/workbook.xml".utf8) + [0xAD, 0x00, 0x07]
        return Data(bytes)
    }

    @Test func fileLevelRejections() {
        var generator = SeededGenerator(seed: 7)
        let cases: [(String, Data, FileRejection.Code)] = [
            ("empty.csv", Data(), .emptyFile),
            ("bom.csv", Data([0xEF, 0xBB, 0xBF]), .byteOrderMarkOnly),
            ("header.csv", Data(Self.header.utf8), .headerOnly),
            ("lixo.csv", Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }), .binaryData),
            ("planilha.csv", Self.xlsx(), .spreadsheet),
            ("planilha.json", Self.xlsx(), .spreadsheet),
            ("wide.csv", Data(("numero,nome,data,valor," + (0..<100_000).map { "c\($0)" }.joined(separator: ",") + "\n" + Self.good).utf8), .tooManyColumns),
            ("deep.json", Data(String(repeating: "[", count: 10_000).utf8), .invalidJSON),
            ("nan.json", Data(#"[{"numero": "1", "nome": "A", "data": "2024-01-01", "valor": NaN}]"#.utf8), .invalidJSON),
            ("nul.json", Data([0x00, 0x00, 0x00, 0x00, 0x5B, 0x5D]), .binaryData),
            ("utf16.csv", Data([0xFF, 0xFE] + Array("numero".utf16.flatMap { [UInt8($0), 0] })), .utf16Text),
        ]
        for (key, data, code) in cases {
            let result = readAll(data, key: key)
            #expect(result.fileError?.code == code, "\(key): \(String(describing: result.fileError))")
            #expect(result.outcomes.isEmpty, "\(key)")
        }
    }

    @Test func rowLevelRejectionsKeepTheValidRows() {
        let cases: [(String, Data, [RejectionReason])] = [
            ("longline.csv", Self.csv("2,B,2024-01-02,\"" + String(repeating: "9", count: 10 << 20) + "\"\n"), [.recordTooLarge]),
            ("widerow.csv", Self.csv(String(repeating: ",", count: 100_000) + "\n"), [.wrongFieldCount]),
            ("numbers.csv", Self.csv("2,B,2024-01-02,1e400\n4,D,2024-01-02,NaN\n5,E,2024-01-02,-0\n"), [.notANumber, .notANumber, .negativeAmount]),
            ("dates.csv", Self.csv("2,B,0000-00-00,1\n4,D,29/02/2023,1\n"), [.invalidDate, .invalidDate]),
            ("utf8.csv", Self.csv("2,B\u{FFFD},2024-01-02,1\n").replacing(Data("\u{FFFD}".utf8), with: Data([0xC0, 0x81])), [.invalidEncoding]),
            ("nul.csv", Self.csv("2,B\u{0}C,2024-01-02,1\n"), [.containsNUL]),
            ("quotes.csv", Data((Self.header + Self.good + Self.lastGood + "4,\"D,2024-01-04,4\n5,E,2024-01-05,5\n").utf8), [.unbalancedQuote]),
            ("lines.jsonl", Self.hostileJSONLines,
             [.recordTooLarge, .invalidJSON, .invalidJSON, .invalidJSON]),
            ("keys.json", Self.hostileJSONKeys,
             [.recordTooLarge, .tooManyFields, .duplicateKey]),
        ]
        for (key, data, reasons) in cases {
            let result = readAll(data, key: key)
            #expect(result.fileError == nil, "\(key): \(String(describing: result.fileError))")
            #expect(result.accepted.map(\.numero) == ["1", "3"], "\(key)")
            #expect(result.rejected.map(\.reason) == reasons, "\(key): \(result.rejected.map(\.message))")
        }
    }

    /// JSON Lines with a 10 MB line, NaN, a NUL in a value and 10,000 open brackets between valid rows.
    /// Built in steps: one long `+` chain of literals takes the type checker too long under load.
    static var hostileJSONLines: Data {
        var lines: [String] = []
        lines.append(#"{"numero": "1", "nome": "A", "data": "2024-01-01", "valor": 1}"#)
        lines.append(#"{"numero": "2", "nome": ""# + String(repeating: "b", count: 10 << 20) + #"", "data": "2024-01-01", "valor": 2}"#)
        lines.append(#"{"numero": "5", "nome": "B", "data": "2024-01-01", "valor": NaN}"#)
        lines.append("{\"numero\": \"6\", \"nome\": \"B\u{0}\", \"data\": \"2024-01-01\", \"valor\": 1}")
        lines.append(String(repeating: "[", count: 10_000))
        lines.append(#"{"numero": "3", "nome": "C", "data": "2024-01-01", "valor": 3}"#)
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A JSON array with an object of 100,000 keys, one of 2,000 keys, and one with a duplicate key.
    static var hostileJSONKeys: Data {
        let hugeObject: String = "{" + (0..<100_000).map { (index: Int) -> String in "\"k\(index)\": 0" }.joined(separator: ",") + "}"
        let wideObject: String = "{" + (0..<2_000).map { (index: Int) -> String in "\"k\(index)\": 0" }.joined(separator: ",") + "}"
        let elements: [String] = [
            #"{"numero": "1", "nome": "A", "data": "2024-01-01", "valor": 1}"#, hugeObject, wideObject,
            #"{"numero": "2", "nome": "A", "nome": "A", "data": "2024-01-01", "valor": 1}"#,
            #"{"numero": "3", "nome": "C", "data": "2024-01-01", "valor": 3}"#,
        ]
        return Data(("[" + elements.joined(separator: ",") + "]").utf8)
    }

    @Test(arguments: ["../../etc/passwd.csv", "nota\nfiscal.csv", "\u{1B}[31mvermelho\u{1B}[0m.csv", "\u{202E}vsc.json",
                      String(repeating: "k/", count: 600) + "n.csv"])
    func hostileObjectKeysAreOnlyNames(key: String) {
        let content = key.hasSuffix(".csv") ? Self.header + Self.good : #"{"numero": "1", "nome": "Ana", "data": "2024-01-01", "valor": 1}"#
        let result = readAll(Data(content.utf8), key: key)
        #expect(result.fileError == nil)
        #expect(result.accepted.map(\.numero) == ["1"])
    }

    /// Random damage to valid files never crashes or hangs a reader, and every outcome names a position.
    @Test(arguments: ["csv", "json", "jsonl"])
    func survivesRandomlyDamagedFiles(format: String) {
        let rows = (1...40).map { i in (numero: "NF-\(i)", nome: "Cliente \"\(i)\"; Ltda", data: "2024-02-\(i % 28 + 1)", valor: "\(i),50") }
        let text: String = switch format {
        case "csv": "numero;nome;data;valor\r\n" + rows.map { "\($0.numero);\"\($0.nome.replacingOccurrences(of: "\"", with: "\"\""))\";\($0.data);\($0.valor)\r\n" }.joined()
        case "json": "[" + rows.map { #"{"numero": "\#($0.numero)", "nome": "\#($0.nome.replacingOccurrences(of: "\"", with: "\\\""))", "data": "\#($0.data)", "valor": "\#($0.valor)", "x": [1, {"y": null}]}"# }.joined(separator: ",\n") + "]"
        default: rows.map { #"{"numero": "\#($0.numero)", "nome": "\#($0.nome.replacingOccurrences(of: "\"", with: "\\\""))", "data": "\#($0.data)", "valor": "\#($0.valor)"}"# }.joined(separator: "\n")
        }
        let original = Array(text.utf8)
        var generator = SeededGenerator(seed: UInt64(format.utf8.count))
        let alphabet = Array("\"\\,;{}[]:\n\r\0 \u{7F}".utf8) + [0xC3, 0xFF, 0x80, 0x5B]
        for limits in [ReaderLimits.standard, tinyChunks] {
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...6, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes[index] = alphabet.randomElement(using: &generator)!
                    case 1: bytes.remove(at: index)
                    default: bytes.insert(alphabet.randomElement(using: &generator)!, at: index)
                    }
                }
                let result = readAll(Data(bytes), key: "fuzz.\(format)", limits: limits)
                #expect(result.outcomes.count <= rows.count + 2)
                #expect(result.outcomes.allSatisfy { $0.position.line >= 1 })
            }
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Data {
    func replacing(_ target: Data, with replacement: Data) -> Data {
        guard let range = range(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
