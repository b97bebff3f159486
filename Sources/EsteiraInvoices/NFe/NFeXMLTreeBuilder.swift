import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses NF-e XML with Foundation's streaming `XMLParser` into a small element tree, within limits.
///
/// Hostile input is refused rather than processed: files over the size limit, nesting deeper than
/// the depth limit, more elements than the element limit, and any DTD (an NF-e never has one, and
/// a DTD is how entity-expansion and external-entity attacks arrive). External entities are never
/// resolved.
final class NFeXMLTreeBuilder: NSObject, XMLParserDelegate {
    private let limits: NFeReader.Limits
    private var stack: [NFeXMLElement] = []
    private var root: NFeXMLElement?
    private var elementCount = 0
    private var failure: NFeError?

    init(limits: NFeReader.Limits) {
        self.limits = limits
    }

    /// The root element of `data`, or the first problem found while reading it.
    static func parse(_ data: Data, limits: NFeReader.Limits) throws(NFeError) -> NFeXMLElement {
        guard data.count <= limits.maxBytes else {
            throw NFeError(
                kind: .limitExceeded, line: nil, element: nil,
                reason: "file has \(data.count) bytes, more than the \(limits.maxBytes) an NF-e may have")
        }
        if data.prefix(4).contains(0) || data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) {
            throw NFeError(
                kind: .syntax, line: 1, element: nil,
                reason: "XML syntax error: the file is UTF-16 or UTF-32; an NF-e is UTF-8")
        }
        if let line = doctypeLine(in: data) {
            throw NFeError(
                kind: .syntax, line: line, element: "!DOCTYPE",
                reason: "XML syntax error: a DOCTYPE declaration is not allowed in an NF-e")
        }
        if let line = firstInvalidUTF8Line(in: data) {
            // Checked here because Foundation's XMLParser on Linux traps on a name that is not UTF-8.
            throw NFeError(
                kind: .syntax, line: line, element: nil,
                reason: "XML syntax error: bytes that are not UTF-8 at line \(line); an NF-e is UTF-8")
        }
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw NFeError(kind: .syntax, line: nil, element: nil, reason: "XML syntax error: the file is empty")
        }
        let builder = NFeXMLTreeBuilder(limits: limits)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let succeeded = parser.parse()
        if let failure = builder.failure { throw failure }
        guard succeeded, let root = builder.root else {
            let message = parser.parserError.map { builder.describe($0) } ?? "no root element"
            throw NFeError(
                kind: .syntax, line: parser.lineNumber > 0 ? parser.lineNumber : nil, element: nil,
                reason: "XML syntax error: \(message)")
        }
        return root
    }

    /// The line of the first byte sequence that is not UTF-8, or `nil` when the whole file is UTF-8.
    private static func firstInvalidUTF8Line(in data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") { line += 1 }
            case .error:
                return line
            case .emptyInput:
                return nil
            }
        }
    }

    /// The line of a `<!DOCTYPE` in the prolog, found before parsing so that no DTD is ever read.
    private static func doctypeLine(in data: Data) -> Int? {
        let marker = Array("<!DOCTYPE".utf8)
        let bytes = [UInt8](data.prefix(64 * 1024))
        guard bytes.count >= marker.count else { return nil }
        var line = 1
        for index in 0...(bytes.count - marker.count) {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            if bytes[index] == marker[0], Array(bytes[index..<index + marker.count]) == marker {
                return line
            }
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count,
               bytes[index + 1] != UInt8(ascii: "?"), bytes[index + 1] != UInt8(ascii: "!") {
                return nil
            }
        }
        return nil
    }

    /// Words for the parser's error, naming the element left open where that helps.
    ///
    /// `XMLParser` reports libxml2's `xmlParserErrors` numbers as its error codes (they do not line
    /// up with every platform's `XMLParser.ErrorCode` cases), so the numbers are matched here.
    private func describe(_ error: Error) -> String {
        let open = stack.last.map { "<\($0.name)> opened on line \($0.line)" }
        switch (error as NSError).code {
        case 76:
            return "end tag does not match " + (open ?? "the open element")
        case 5, 77, 85, 86:
            // libxml2 uses these both for a file cut short and for content after the root.
            return open.map { "the file ends before closing \($0)" } ?? "content after the root element"
        case 3, 4:
            return "start tag expected, the content is not XML"
        case 9, 81:
            return "a character not allowed in XML (is the file UTF-8?)"
        case 6, 7, 8:
            return "an invalid character reference"
        case 14, 15, 16, 22, 23, 26, 27:
            return "an undeclared or unfinished entity reference (write & as &amp;)"
        case 28, 29, 30, 89, 90:
            return "an entity reference that is not allowed in an NF-e"
        case 42:
            return "an attribute appears twice in one element"
        case 38, 39, 40, 41, 75:
            return "a malformed attribute"
        case 68:
            return "a name is missing (in a tag, or after an & not written as &amp;)"
        case 72, 73, 74:
            return "a malformed tag"
        case 45, 80:
            return "a malformed or unclosed comment"
        case 31, 32, 79:
            return "an encoding this reader does not know (an NF-e is UTF-8)"
        case 56, 57, 64:
            return "a malformed XML declaration"
        default:
            return "libxml2 error \((error as NSError).code)"
        }
    }

    private func fail(_ parser: XMLParser, _ error: NFeError) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        elementCount += 1
        if stack.count >= limits.maxDepth {
            fail(parser, NFeError(
                kind: .limitExceeded, line: parser.lineNumber, element: elementName,
                reason: "element \(elementName) is nested more than \(limits.maxDepth) levels deep"))
            return
        }
        if elementCount > limits.maxElements {
            fail(parser, NFeError(
                kind: .limitExceeded, line: parser.lineNumber, element: elementName,
                reason: "file has more than \(limits.maxElements) elements"))
            return
        }
        let namespace = namespaceURI.flatMap { $0.isEmpty ? nil : $0 }
        stack.append(NFeXMLElement(
            name: elementName, namespace: namespace, attributes: attributeDict, text: "",
            line: parser.lineNumber, children: []))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard failure == nil, let finished = stack.popLast() else { return }
        if stack.isEmpty {
            root = finished
        } else {
            stack[stack.count - 1].children.append(finished)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseEntity(parser, name, "entity declarations are not allowed in an NF-e")
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        refuseEntity(parser, name, "entity declarations are not allowed in an NF-e")
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuseEntity(parser, name, "the entity reference &\(name); is not allowed in an NF-e (write & as &amp;)")
        return nil
    }

    private func refuseEntity(_ parser: XMLParser, _ name: String, _ reason: String) {
        fail(parser, NFeError(
            kind: .syntax, line: parser.lineNumber, element: "&\(name);", reason: "XML syntax error: \(reason)"))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard failure == nil else { return }
        failure = NFeError(
            kind: .syntax, line: parser.lineNumber > 0 ? parser.lineNumber : nil, element: stack.last?.name,
            reason: "XML syntax error: \(describe(parseError))")
    }
}
