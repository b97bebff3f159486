#if FUZZING
import Foundation

/// The component libFuzzer drives, named by `ESTEIRA_FUZZ_TARGET` (csv, json, expression, nfe).
private let libFuzzerTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ESTEIRA_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("esteira-fuzz: set ESTEIRA_FUZZ_TARGET to csv, json, expression or nfe\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    libFuzzerTarget.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

/// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runLibFuzzer(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The executable's entry point under libFuzzer. SwiftPM points `main` at the module's entry
/// function, so it hands control to libFuzzer's driver with the command line.
@main
enum LibFuzzerEntry {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runLibFuzzer(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) })
    }
}
#endif
