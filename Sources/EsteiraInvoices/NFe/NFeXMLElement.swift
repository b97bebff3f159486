import Foundation

/// One element of a parsed NF-e file: just what the reader needs, with its line for messages.
struct NFeXMLElement: Sendable {
    /// The local name, without prefix.
    var name: String
    /// The namespace URI, if any.
    var namespace: String?
    /// Attributes by name.
    var attributes: [String: String]
    /// The character data directly inside the element.
    var text: String
    /// The 1-based line where the element starts.
    var line: Int
    /// Child elements in document order.
    var children: [NFeXMLElement]

    /// The element's text without surrounding blanks.
    var value: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Every child with the local name `name`, in any namespace.
    func children(named name: String) -> [NFeXMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child with the local name `name`, in any namespace.
    func child(named name: String) -> NFeXMLElement? {
        children.first { $0.name == name }
    }
}
