import Foundation

/// One workload's figures: printed as one JSON line, and read back by the coordinating process.
struct WorkloadResult: Sendable {
    let workload: String
    var figures: [String: Double] = [:]
    var notes: [String: String] = [:]

    init(workload: String) { self.workload = workload }

    /// The result as one JSON line (keys sorted).
    func jsonLine() throws -> String {
        var object: [String: Any] = ["workload": workload]
        for (name, value) in figures where value.isFinite { object[name] = value }
        for (name, value) in notes { object[name] = value }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a line written by `jsonLine()`.
    init?(jsonLine line: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let workload = object["workload"] as? String else { return nil }
        self.workload = workload
        for (name, value) in object where name != "workload" {
            if let number = value as? NSNumber { figures[name] = number.doubleValue }
            if let text = value as? String { notes[name] = text }
        }
    }
}
