import ArgumentParser
import Foundation

/// Runs a command's body; any error becomes one line on stderr (`esteira: ValidationException: …`)
/// and exit status 1.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("esteira: \(TerminalText.sanitised("\(error)"))\n".utf8))
        throw ExitCode(1)
    }
}

/// A mistake in a command's arguments, reported like any other failure.
struct ArgumentFailure: Error, CustomStringConvertible {
    let description: String
}
