import ArgumentParser
import Foundation

/// Runs a command body so that any error ends the process the way the README promises:
/// one clear line on stderr (`esteira: …`) and a non-zero exit status.
func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as CleanExit {
        throw error
    } catch {
        FileHandle.standardError.write(Data("esteira: \(describe(error))\n".utf8))
        throw ExitCode.failure
    }
}

/// The user-facing text of an error: its own description, on one line, with any control
/// characters it quotes (from a key or a file) shown as escapes.
func describe(_ error: any Error) -> String {
    let text = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
    return TerminalText.sanitised(text.replacingOccurrences(of: "\n", with: " "))
}
