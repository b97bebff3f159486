import ArgumentParser
import Foundation

/// Runs a command body so that any error ends the process the way the README promises:
/// one clear line on stderr (`esteira: …`) and a non-zero exit status. The line is sanitised:
/// errors quote keys and file contents, which must not reach the terminal raw.
func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as CleanExit {
        throw error
    } catch {
        FileHandle.standardError.write(Data("esteira: \(TerminalText.sanitised(describe(error)))\n".utf8))
        throw ExitCode.failure
    }
}

/// The user-facing text of an error: its own description, on one line.
func describe(_ error: any Error) -> String {
    if let localized = error as? any LocalizedError, let text = localized.errorDescription {
        return text.replacingOccurrences(of: "\n", with: " ")
    }
    return String(describing: error).replacingOccurrences(of: "\n", with: " ")
}

/// A mistake in a command's arguments, reported like any other failure.
struct ArgumentFailure: Error, CustomStringConvertible {
    let description: String
}
