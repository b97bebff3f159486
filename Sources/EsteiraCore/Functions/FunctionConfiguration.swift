import Foundation

/// A function's settings, as in Lambda: the handler it runs, its timeout, memory, concurrency,
/// and how asynchronous invocations are retried and where their final failures go.
///
/// Decoding fills missing settings with Lambda's defaults, so a pipeline file only names what it
/// changes. Call `validate()` (done by `FunctionRuntime.configure(_:)`) to check the ranges.
public struct FunctionConfiguration: Sendable, Codable, Hashable {
    /// 1–64 letters, digits, hyphens or underscores.
    public var name: String
    /// The name the handler is registered under in the `HandlerRegistry`.
    public var handler: String
    /// Seconds before an invocation is stopped: 1–900, default 3.
    public var timeout: Int
    /// Memory in MB, 128–10,240, default 128. Reported in `REPORT` lines; not enforced in-process.
    public var memorySize: Int
    /// How many invocations may run at once in this process: 0–1,000 (Lambda's default account
    /// limit); `nil` is unreserved (no limit), `0` throttles every invocation. Limits are per
    /// process, not per data directory.
    public var reservedConcurrency: Int?
    /// Retries after a failed asynchronous invocation: 0–2, default 2.
    public var maximumRetryAttempts: Int
    /// Seconds an asynchronous event may wait (for a slot or a retry) before it is dropped to the
    /// on-failure list: 60–21,600, default 21,600 (6 hours).
    public var maximumEventAge: Int
    /// Seconds to wait before each retry (the last one repeats). Lambda waits about 1 and then
    /// 2 minutes; Esteira defaults to 1 and 2 seconds, and tests use zero.
    public var retryDelays: [Double]
    /// The on-failure list that receives events which finally fail; `nil` means the function's
    /// own list, named after the function.
    public var onFailure: String?
    /// Environment variables the handler reads through `InvocationContext.environment`, as a Lambda
    /// function reads its configuration (e.g. `TABLE_NAME`).
    public var environment: [String: String]
    /// Structured settings from the pipeline file (`settings:`), for handlers whose configuration
    /// is more than text, such as the invoice schema; `null` when none.
    public var settings: JSONValue

    /// Lambda's default timeout, in seconds.
    public static let defaultTimeout = 3
    /// Lambda's default memory size, in MB.
    public static let defaultMemorySize = 128
    /// Lambda's default retries of a failed asynchronous invocation.
    public static let defaultMaximumRetryAttempts = 2
    /// Lambda's default maximum event age, in seconds (6 hours).
    public static let defaultMaximumEventAge = 21_600
    /// Esteira's default back-off before the first and second retry, in seconds.
    public static let defaultRetryDelays: [Double] = [1, 2]

    /// A configuration with Lambda's defaults for every setting not given.
    public init(
        name: String, handler: String, timeout: Int = defaultTimeout, memorySize: Int = defaultMemorySize,
        reservedConcurrency: Int? = nil, maximumRetryAttempts: Int = defaultMaximumRetryAttempts,
        maximumEventAge: Int = defaultMaximumEventAge, retryDelays: [Double] = defaultRetryDelays,
        onFailure: String? = nil, environment: [String: String] = [:], settings: JSONValue = .null
    ) {
        self.name = name
        self.handler = handler
        self.timeout = timeout
        self.memorySize = memorySize
        self.reservedConcurrency = reservedConcurrency
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAge = maximumEventAge
        self.retryDelays = retryDelays
        self.onFailure = onFailure
        self.environment = environment
        self.settings = settings
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, handler, timeout, memorySize, reservedConcurrency, maximumRetryAttempts
        case maximumEventAge, retryDelays, onFailure, environment, settings
    }

    /// Any key of a decoded configuration, to find misspelt settings.
    private struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a configuration, refusing unknown settings (a misspelt `timout` is an error naming
    /// it, not a silently ignored line).
    public init(from decoder: any Decoder) throws {
        let everyKey = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = everyKey.allKeys.first(where: { CodingKeys(stringValue: $0.stringValue) == nil }) {
            let known = CodingKeys.allCases.map(\.rawValue)
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: everyKey,
                debugDescription: "unknown function setting '\(unknown.stringValue)' (known: \(known.joined(separator: ", ")))")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            handler: try container.decode(String.self, forKey: .handler),
            timeout: try container.decodeIfPresent(Int.self, forKey: .timeout) ?? Self.defaultTimeout,
            memorySize: try container.decodeIfPresent(Int.self, forKey: .memorySize) ?? Self.defaultMemorySize,
            reservedConcurrency: try container.decodeIfPresent(Int.self, forKey: .reservedConcurrency),
            maximumRetryAttempts: try container.decodeIfPresent(Int.self, forKey: .maximumRetryAttempts)
                ?? Self.defaultMaximumRetryAttempts,
            maximumEventAge: try container.decodeIfPresent(Int.self, forKey: .maximumEventAge)
                ?? Self.defaultMaximumEventAge,
            retryDelays: try container.decodeIfPresent([Double].self, forKey: .retryDelays)
                ?? Self.defaultRetryDelays,
            onFailure: try container.decodeIfPresent(String.self, forKey: .onFailure),
            environment: try container.decodeIfPresent([String: String].self, forKey: .environment) ?? [:],
            settings: try container.decodeIfPresent(JSONValue.self, forKey: .settings) ?? .null)
    }

    /// The on-failure list this function's final failures go to.
    public var onFailureDestination: String { onFailure ?? name }

    /// `arn:aws:lambda:us-east-1:000000000000:function:NAME`
    public var arn: String { Self.arn(functionName: name) }

    /// The ARN Lambda would give a function of this name in Esteira's fixed region and account.
    public static func arn(functionName: String) -> String {
        "arn:aws:lambda:us-east-1:000000000000:function:\(functionName)"
    }

    /// Checks every setting against Lambda's limits; the error lists each violation the way
    /// Lambda's `ValidationException` does.
    public func validate() throws {
        var violations: [String] = []
        func check(_ value: Int, _ field: String, _ range: ClosedRange<Int>) {
            if value < range.lowerBound {
                violations.append(Self.violation(value, field,
                    "Member must have value greater than or equal to \(range.lowerBound)"))
            } else if value > range.upperBound {
                violations.append(Self.violation(value, field,
                    "Member must have value less than or equal to \(range.upperBound)"))
            }
        }
        if name.isEmpty || name.count > 64 {
            violations.append(Self.violation(name, "name",
                "Member must have length greater than or equal to 1 and less than or equal to 64"))
        } else if !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            violations.append(Self.violation(name, "name",
                "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+"))
        }
        if handler.isEmpty {
            violations.append(Self.violation(handler, "handler", "Member must have length greater than or equal to 1"))
        }
        check(timeout, "timeout", 1...900)
        check(memorySize, "memorySize", 128...10_240)
        if let reservedConcurrency {
            check(reservedConcurrency, "reservedConcurrency", 0...1_000)
        }
        check(maximumRetryAttempts, "maximumRetryAttempts", 0...2)
        check(maximumEventAge, "maximumEventAge", 60...21_600)
        for delay in retryDelays where !(delay >= 0 && delay <= 900) {
            violations.append(Self.violation(delay, "retryDelays",
                "Member must have value greater than or equal to 0 and less than or equal to 900"))
        }
        if let onFailure, onFailure.isEmpty {
            violations.append(Self.violation(onFailure, "onFailure", "Member must have length greater than or equal to 1"))
        }
        if !violations.isEmpty {
            throw FunctionRuntimeError.validation(function: name, violations: violations)
        }
    }

    private static func violation(_ value: Any, _ field: String, _ constraint: String) -> String {
        "Value '\(value)' at '\(field)' failed to satisfy constraint: \(constraint)"
    }
}
