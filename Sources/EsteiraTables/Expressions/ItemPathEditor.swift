/// Changes the value at a document path inside an item, with DynamoDB's rules for updates:
/// every step before the last must exist and be a map (for a name) or a list (for an index),
/// otherwise `The document path provided in the update expression is invalid for update`.
/// Setting a list index past the end appends; removing one past the end does nothing.
enum ItemPathEditor {
    typealias Change = (AttributeValue?) throws(DynamoDBError) -> AttributeValue?

    static let invalidPath = DynamoDBError.validation("The document path provided in the update expression is invalid for update")

    /// Replaces the value at `path` with `change(existing)`; a nil result removes it.
    static func modify(_ item: inout Item, at path: DocumentPath, _ change: Change) throws(DynamoDBError) {
        let name = path.attributeName
        let rest = path.elements.dropFirst()
        if rest.isEmpty {
            item[name] = try change(item[name])
            return
        }
        guard var child = item[name] else { throw invalidPath }
        try modify(&child, at: rest, change)
        item[name] = child
    }

    private static func modify(_ value: inout AttributeValue, at elements: ArraySlice<DocumentPath.Element>, _ change: Change) throws(DynamoDBError) {
        guard let element = elements.first else { return }
        let rest = elements.dropFirst()
        switch (element, value) {
        case (.attribute(let key), .map(var map)):
            if rest.isEmpty {
                map[key] = try change(map[key])
            } else {
                guard var child = map[key] else { throw invalidPath }
                try modify(&child, at: rest, change)
                map[key] = child
            }
            value = .map(map)
        case (.index(let index), .list(var list)):
            if rest.isEmpty {
                let replacement = try change(index < list.count ? list[index] : nil)
                switch (index < list.count, replacement) {
                case (true, let replacement?): list[index] = replacement
                case (true, nil): list.remove(at: index)
                case (false, let replacement?): list.append(replacement)
                case (false, nil): break
                }
            } else {
                guard index < list.count else { throw invalidPath }
                var child = list[index]
                try modify(&child, at: rest, change)
                list[index] = child
            }
            value = .list(list)
        default:
            throw invalidPath
        }
    }

    /// An order for REMOVE paths in which removing one list element never shifts another
    /// still to be removed: higher indexes of the same list come first.
    static func removalOrder(_ first: DocumentPath, _ second: DocumentPath) -> Bool {
        for (mine, theirs) in zip(first.elements, second.elements) where mine != theirs {
            switch (mine, theirs) {
            case (.index(let a), .index(let b)): return a > b
            case (.attribute(let a), .attribute(let b)): return a < b
            case (.attribute, .index): return true
            case (.index, .attribute): return false
            }
        }
        return first.elements.count < second.elements.count
    }
}
