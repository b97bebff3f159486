import ArgumentParser
import EsteiraCore
import Foundation

/// `esteira invoke FUNCTION`: a synchronous (RequestResponse) invocation; prints the result.
struct InvokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke", abstract: "Invoke a function synchronously and print its result.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The function's name.")
    var function: String

    @Option(help: "The event, as JSON text.")
    var payload: String?

    @Option(name: .customLong("payload-file"), help: "A file holding the event JSON.", completion: .file())
    var payloadFile: String?

    func validate() throws {
        if payload != nil && payloadFile != nil { throw ValidationError("give --payload or --payload-file, not both") }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try global.openEngine(create: true)
            let event: JSONValue
            do {
                if let payloadFile {
                    event = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: payloadFile)))
                } else {
                    event = try JSONValue(parsing: payload ?? "{}")
                }
            } catch {
                throw ValidationError("the payload is not valid JSON (\(payloadFile ?? "--payload")): \(error)")
            }
            let outcome = try await engine.functions.invoke(functionName: function, payload: event)
            if let error = outcome.error {
                print(error.json.encodedString(pretty: true))
                FileHandle.standardError.write(Data("esteira: \(function) returned a function error (request \(outcome.requestID))\n".utf8))
                throw ExitCode.failure
            }
            print((outcome.response ?? .null).encodedString(pretty: true))
        }
    }
}
