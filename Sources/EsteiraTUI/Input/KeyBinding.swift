/// One row of the key-binding table: the keys, how help spells them, what they do.
struct KeyBinding: Sendable {
    var keys: [KeyEvent]
    var label: String
    var description: String
    var action: DashboardAction
    /// The short word shown in the hint bar; nil keeps the binding out of the hints.
    var hint: String?
}
