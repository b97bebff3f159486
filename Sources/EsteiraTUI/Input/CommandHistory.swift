/// Lines entered on the `:` line, browsed with ↑/↓ like a shell's history.
struct CommandHistory: Sendable {
    private(set) var entries: [String] = []
    private var position: Int?
    private var draft = ""
    let capacity = 100

    /// Records an executed line (not repeating the previous one) and resets browsing.
    mutating func record(_ line: String) {
        if !line.isEmpty, entries.last != line { entries.append(line) }
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        position = nil
    }

    /// The older entry, remembering the unfinished line so ↓ can return to it.
    mutating func older(current: String) -> String {
        guard !entries.isEmpty else { return current }
        let next: Int
        if let position { next = max(0, position - 1) } else { draft = current; next = entries.count - 1 }
        position = next
        return entries[next]
    }

    /// The newer entry, or the unfinished line past the newest.
    mutating func newer(current: String) -> String {
        guard let position else { return current }
        if position + 1 < entries.count {
            self.position = position + 1
            return entries[position + 1]
        }
        self.position = nil
        return draft
    }

    mutating func resetBrowsing() { position = nil }
}
