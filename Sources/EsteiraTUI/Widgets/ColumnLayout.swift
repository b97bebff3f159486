/// Fits columns to a width: each gets its natural width, then the widest flexible columns (long free text
/// such as keys and names) give way one cell at a time down to their minimum, then the widest of the others;
/// columns that still do not fit are dropped from the right.
enum ColumnLayout {
    static let separator = 1

    static func fit(natural: [Int], minimum: [Int], flexible: [Bool], available: Int) -> [Int] {
        var widths = natural
        func total() -> Int {
            let shown = widths.filter { $0 > 0 }
            return shown.reduce(0, +) + max(0, shown.count - 1) * separator
        }
        while total() > available {
            let shrinkable = widths.indices.filter { widths[$0] > minimum[$0] && widths[$0] > 0 }
            let flexibleShrinkable = shrinkable.filter { flexible[$0] }
            let candidates = flexibleShrinkable.isEmpty ? shrinkable : flexibleShrinkable
            if let widest = candidates.max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            } else if let last = widths.lastIndex(where: { $0 > 0 }) {
                widths[last] = 0
            } else {
                break
            }
        }
        return widths
    }
}
