import Foundation
import Yams

/// Converts a free-form YAML block (a function's `settings:`) into JSON, keeping YAML's own
/// reading of scalars: `true` is a boolean, `12` and `0.5` are numbers, the rest is text.
enum PipelineSettings {
    static func json(_ node: PipelineNode) throws -> JSONValue {
        switch node.node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let flag = Bool.construct(from: scalar) { return .bool(flag) }
                if scalar.string.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
                   let number = Decimal(string: scalar.string) { return .number(number) }
                if scalar.string == "~" || scalar.string == "null" { return .null }
            }
            return .string(scalar.string)
        case .mapping:
            var members: [String: JSONValue] = [:]
            for (key, value) in try node.members() { members[key] = try json(value) }
            return .object(members)
        case .sequence:
            return .array(try node.sequence().map(json))
        case .alias:
            throw node.error("YAML aliases are not supported in settings")
        }
    }
}
