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
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    libFuzzerTarget.run(Data(bytes: bytes, count: count))
    return 0
}
#endif
