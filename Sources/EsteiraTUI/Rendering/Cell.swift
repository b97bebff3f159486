/// One terminal cell: a character with its width in cells and its style slot.
/// A wide character's second cell is a continuation (`width == 0`) that is never written itself.
struct Cell: Equatable, Sendable {
    var character: String
    var width: Int
    var slot: StyleSlot

    static let blank = Cell(character: " ", width: 1, slot: .text)
    static func continuation(_ slot: StyleSlot) -> Cell { Cell(character: "", width: 0, slot: slot) }
}
