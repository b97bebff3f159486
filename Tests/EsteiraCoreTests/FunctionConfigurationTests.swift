import Foundation
import Testing
@testable import EsteiraCore

@Suite("Function configuration")
struct FunctionConfigurationTests {
    private func validationMessage(_ configure: (inout FunctionConfiguration) -> Void) -> String? {
        var configuration = FunctionConfiguration(name: "validate-invoices", handler: "h")
        configure(&configuration)
        do {
            try configuration.validate()
            return nil
        } catch let error as FunctionRuntimeError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func defaultsAreLambdas() {
        let configuration = FunctionConfiguration(name: "f", handler: "h")
        #expect(configuration.timeout == 3)
        #expect(configuration.memorySize == 128)
        #expect(configuration.reservedConcurrency == nil)
        #expect(configuration.maximumRetryAttempts == 2)
        #expect(configuration.maximumEventAge == 21_600)
        #expect(configuration.retryDelays == [1, 2])
        #expect(configuration.onFailureDestination == "f")
        #expect(configuration.arn == "arn:aws:lambda:us-east-1:000000000000:function:f")
        #expect(throws: Never.self) { try configuration.validate() }
    }

    @Test func decodingFillsMissingSettingsWithDefaults() throws {
        let json = #"{"name": "q", "handler": "query", "timeout": 30, "onFailure": "dead-letters"}"#
        let configuration = try JSONDecoder().decode(FunctionConfiguration.self, from: Data(json.utf8))
        #expect(configuration == FunctionConfiguration(name: "q", handler: "query", timeout: 30, onFailure: "dead-letters"))
        #expect(configuration.onFailureDestination == "dead-letters")
    }

    @Test func decodingRefusesUnknownSettingsNamingThem() {
        let json = #"{"name": "q", "handler": "query", "timout": 30}"#
        #expect {
            try JSONDecoder().decode(FunctionConfiguration.self, from: Data(json.utf8))
        } throws: { error in
            guard case let DecodingError.dataCorrupted(context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["timout"]
                && context.debugDescription.hasPrefix("unknown function setting 'timout' (known: name, handler, timeout,")
        }
    }

    @Test(arguments: [
        ("timeout", 1000, "Value '1000' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"),
        ("timeout", 0, "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        ("memorySize", 64, "Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"),
        ("memorySize", 10_241, "Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240"),
        ("maximumRetryAttempts", 3, "Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2"),
        ("maximumEventAge", 59, "Value '59' at 'maximumEventAge' failed to satisfy constraint: Member must have value greater than or equal to 60"),
        ("maximumEventAge", 21_601, "Value '21601' at 'maximumEventAge' failed to satisfy constraint: Member must have value less than or equal to 21600"),
        ("reservedConcurrency", -1, "Value '-1' at 'reservedConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0"),
    ])
    func outOfRangeSettingsAreRefusedNamingFieldAndValue(field: String, value: Int, violation: String) {
        let message = validationMessage { configuration in
            switch field {
            case "timeout": configuration.timeout = value
            case "memorySize": configuration.memorySize = value
            case "maximumRetryAttempts": configuration.maximumRetryAttempts = value
            case "maximumEventAge": configuration.maximumEventAge = value
            default: configuration.reservedConcurrency = value
            }
        }
        #expect(message == "1 validation error detected: " + violation)
    }

    @Test func everyViolationIsListed() {
        let message = validationMessage {
            $0.timeout = 901
            $0.memorySize = 100
        }
        #expect(message == "2 validation errors detected: "
            + "Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900; "
            + "Value '100' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128")
    }

    @Test func badNamesAndDelaysAreRefused() {
        #expect(validationMessage { $0.name = "bad name" } == "1 validation error detected: Value 'bad name' at 'name' "
            + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+")
        #expect(validationMessage { $0.name = String(repeating: "a", count: 65) }?.contains("at 'name'") == true)
        #expect(validationMessage { $0.retryDelays = [-1] }?.contains("Value '-1.0' at 'retryDelays'") == true)
        #expect(validationMessage { $0.onFailure = "" }?.contains("at 'onFailure'") == true)
        #expect(validationMessage { $0.reservedConcurrency = 0 } == nil)
        #expect(validationMessage { $0.maximumRetryAttempts = 0 } == nil)
    }

    @Test func configureRefusesInvalidOnesWithTheFunctionNamed() throws {
        let bed = try FunctionTestBed()
        bed.registry.register(name: "echo", handler: EchoHandler())
        let error = #expect(throws: FunctionRuntimeError.self) {
            try bed.runtime.configure([FunctionConfiguration(name: "f", handler: "echo", timeout: 1000)])
        }
        #expect(error?.code == "ValidationException")
        #expect(error?.description == "ValidationException: function 'f': 1 validation error detected: Value '1000' "
            + "at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900")
        #expect(bed.runtime.functions.isEmpty)
    }

    @Test func configureRefusesUnknownHandlersAndChangesNothing() throws {
        let bed = try FunctionTestBed()
        bed.registry.register(name: "echo", handler: EchoHandler())
        try bed.runtime.configure([FunctionConfiguration(name: "a", handler: "echo")])
        let error = #expect(throws: FunctionRuntimeError.self) {
            try bed.runtime.configure([
                FunctionConfiguration(name: "b", handler: "echo"),
                FunctionConfiguration(name: "validate-invoices", handler: "validate"),
            ])
        }
        #expect(error?.message == "function 'validate-invoices': no handler named 'validate' is registered (registered: echo)")
        #expect(bed.runtime.functions.map(\.name) == ["a"])
    }

    @Test func configureRefusesDuplicateNames() throws {
        let bed = try FunctionTestBed()
        bed.registry.register(name: "echo", handler: EchoHandler())
        let error = #expect(throws: FunctionRuntimeError.self) {
            try bed.runtime.configure([
                FunctionConfiguration(name: "a", handler: "echo"), FunctionConfiguration(name: "a", handler: "echo"),
            ])
        }
        #expect(error?.message == "function 'a' is configured more than once")
    }

    @Test func unknownFunctionsAreNotFoundAsInLambda() async throws {
        let bed = try FunctionTestBed()
        let error = await #expect(throws: FunctionRuntimeError.self) {
            _ = try await bed.runtime.invoke(functionName: "nope", payload: nil)
        }
        #expect(error?.description
            == "ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope")
        #expect(error?.httpStatus == 404)
    }
}
