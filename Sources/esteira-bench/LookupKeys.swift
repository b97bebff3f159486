import Foundation

/// What the look-up workloads ask for, read from a dataset outside any timing: the numeros and
/// nomes in the file, and date windows within the generator's range (2023-01-01 … 2025-12-31).
struct LookupKeys {
    let numeros: [String]
    let nomes: [String]
    private var generator = SeededGenerator(seed: 43)

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()
    private static let firstDay = calendar.date(from: DateComponents(year: 2023, month: 1, day: 1)) ?? Date()
    private static let daySpan = 1_095

    /// Reads the numero and nome columns of a US-locale CSV file.
    init(csv file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var numeros: [String] = []
        var nomes = Set<String>()
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4 else { continue }
            if !fields[0].isEmpty { numeros.append(String(fields[0])) }
            // Blank names belong to the generator's invalid rows, which were never loaded.
            let nome = fields[2].trimmingCharacters(in: .whitespaces)
            if !nome.isEmpty, !nome.hasPrefix("\"") { nomes.insert(nome) }
        }
        self.numeros = numeros
        self.nomes = nomes.sorted()
    }

    mutating func numero() -> String { numeros.randomElement(using: &generator) ?? "1" }

    mutating func nome() -> String { nomes.randomElement(using: &generator) ?? "Maria" }

    /// A window of `days` + 1 days starting on a random day: (from, to) as ISO dates.
    mutating func window(days: Int) -> (from: String, to: String) {
        let start = Int.random(in: 0..<(Self.daySpan - days), using: &generator)
        return (Self.iso(start), Self.iso(start + days))
    }

    private static func iso(_ offset: Int) -> String {
        let date = calendar.date(byAdding: .day, value: offset, to: firstDay) ?? firstDay
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
