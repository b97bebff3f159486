/// A frame rendered in memory: widgets draw here, never on the terminal, so every one of them is testable.
struct ScreenBuffer: Equatable, Sendable {
    let width: Int
    let height: Int
    /// When set, every character is spelled in ASCII with the same cell width (non-UTF-8 locales).
    let asciiOnly: Bool
    private(set) var cells: [Cell]

    init(width: Int, height: Int, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// Each ASCII character as a string, made once rather than for every cell drawn.
    private static let asciiCharacters: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes already-sanitised `text` at (x, y), clipped to `maxWidth` cells and the screen edge.
    /// Returns the number of cells used. A wide character that would straddle the edge is replaced by a space.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, slot: StyleSlot, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(width - x, maxWidth ?? Int.max)
        // One cell per scalar, each a whole character, with no grapheme breaking: printable ASCII
        // (the same in ASCII-only mode), or any single-cell text when the terminal takes UTF-8.
        let singleCells = asciiOnly ? CellWidth.printableASCIILength(text) : CellWidth.singleCellScalarCount(text)
        if singleCells != nil {
            var column = x
            for scalar in text.unicodeScalars {
                guard column < x + limit else { break }
                let character = scalar.isASCII ? Self.asciiCharacters[Int(scalar.value)] : String(scalar)
                set(column, y, Cell(character: character, width: 1, slot: slot))
                column += 1
            }
            return column - x
        }
        var column = x
        for character in text {
            let spelled = asciiOnly ? TextSanitizer.ascii(character) : String(character)
            for glyph in spelled {
                let cells = CellWidth.of(glyph)
                if cells == 0 {
                    attachZeroWidth(glyph, before: column, y: y)
                    continue
                }
                if column + cells > x + limit {
                    if column < x + limit { set(column, y, Cell(character: " ", width: 1, slot: slot)); column += 1 }
                    return column - x
                }
                set(column, y, Cell(character: String(glyph), width: cells, slot: slot))
                if cells == 2 { set(column + 1, y, .continuation(slot)) }
                column += cells
            }
        }
        return column - x
    }

    /// Paints `width` cells from (x, y) with spaces in `slot`.
    mutating func fill(x: Int, y: Int, width fillWidth: Int, slot: StyleSlot) {
        let start = max(0, x)
        let end = min(width, x + fillWidth)
        guard y >= 0, y < height, start < end else { return }
        for column in start..<end {
            set(column, y, Cell(character: " ", width: 1, slot: slot))
        }
    }

    /// Paints a whole rectangle with spaces in `slot`.
    mutating func fill(_ rect: Rect, slot: StyleSlot) {
        for row in rect.y..<rect.maxY { fill(x: rect.x, y: row, width: rect.width, slot: slot) }
    }

    /// The frame as text lines, for tests and captures (continuation cells omitted, trailing spaces kept).
    func lines() -> [String] {
        (0..<height).map { row in
            (0..<width).reduce(into: "") { line, column in line += self[column, row].character }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        // Overwriting half of a wide character leaves its other half as a plain space.
        if cells[index].width == 2, x + 1 < width, cell.width != 2 {
            cells[index + 1] = Cell(character: " ", width: 1, slot: cells[index].slot)
        }
        if cells[index].width == 0, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = Cell(character: " ", width: 1, slot: cells[index - 1].slot)
        }
        cells[index] = cell
    }

    private mutating func attachZeroWidth(_ glyph: Character, before column: Int, y: Int) {
        var lead = column - 1
        while lead >= 0, cells[y * width + lead].width == 0 { lead -= 1 }
        guard lead >= 0 else { return }
        cells[y * width + lead].character.append(glyph)
    }
}
