/// A colour as a theme file spells it: the terminal's default, an xterm index (0–255) or true colour.
enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case indexed(Int)
    case rgb(red: Int, green: Int, blue: Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, a colour name (`red`, `bright-red`), `0`–`255` or `#rrggbb`; nil otherwise.
    init?(parsing word: String) {
        let lowered = word.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: lowered) {
            self = .indexed(index)
        } else if lowered.hasPrefix("bright-"), let index = Self.names.firstIndex(of: String(lowered.dropFirst(7))) {
            self = .indexed(index + 8)
        } else if let index = Int(lowered), (0...255).contains(index) {
            self = .indexed(index)
        } else if lowered.count == 7, lowered.hasPrefix("#"), let value = Int(lowered.dropFirst(), radix: 16) {
            self = .rgb(red: value >> 16 & 0xFF, green: value >> 8 & 0xFF, blue: value & 0xFF)
        } else {
            return nil
        }
    }

    /// The colour number for a terminal with `colorCount` colours (-1 is the terminal's default).
    func number(forTerminalColors colorCount: Int) -> Int {
        switch self {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            if index < colorCount { return index }
            let (red, green, blue) = Self.rgbOfIndex(index)
            return Self.nearest(red: red, green: green, blue: blue, colorCount: colorCount)
        case .rgb(let red, let green, let blue):
            return Self.nearest(red: red, green: green, blue: blue, colorCount: colorCount)
        }
    }

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]
    private static let basic: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The xterm palette's RGB for an index.
    static func rgbOfIndex(_ index: Int) -> (Int, Int, Int) {
        if index < 16 { return basic[index] }
        if index < 232 {
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        }
        let grey = 8 + (index - 232) * 10
        return (grey, grey, grey)
    }

    /// The closest palette entry among the first `colorCount` colours (at most 256). On 256-colour terminals only
    /// the fixed cube and grey ramp are used, because users redefine the first 16 colours.
    static func nearest(red: Int, green: Int, blue: Int, colorCount: Int) -> Int {
        let candidates = colorCount >= 256 ? 16..<256 : 0..<max(8, min(colorCount, 16))
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for index in candidates {
            let (r, g, b) = rgbOfIndex(index)
            let distance = (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
            if distance < bestDistance { best = index; bestDistance = distance }
        }
        return best
    }
}
