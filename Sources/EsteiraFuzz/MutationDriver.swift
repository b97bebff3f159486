#if !FUZZING
import Foundation

/// `esteira-fuzz TARGET [--seconds N] [--seed S] [--corpus DIR] [--artifact FILE]`: a random-mutation
/// fuzzer for machines without libFuzzer. It mutates the seeds (and the corpus folder's files) with
/// bit flips, byte insertions, deletions, repetitions and splices of interesting tokens, runs each
/// input through the target, and before each run writes the input to `--artifact`, so an input that
/// crashes the process is left there. Deterministic for a given seed.
@main
struct MutationDriver {
    static func main() {
        var arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.popFirst(), let target = FuzzTarget(rawValue: name) else {
            fail("usage: esteira-fuzz csv|json|expression|nfe [--seconds N] [--seed S] [--corpus DIR] [--artifact FILE]")
        }
        var seconds = 10.0, seed: UInt64 = 1
        var corpus: URL?, artifact: URL?
        while let option = arguments.popFirst() {
            guard let value = arguments.popFirst() else { fail("\(option) needs a value") }
            switch option {
            case "--seconds": seconds = Double(value) ?? seconds
            case "--seed": seed = UInt64(value) ?? seed
            case "--corpus": corpus = URL(fileURLWithPath: value)
            case "--artifact": artifact = URL(fileURLWithPath: value)
            default: fail("unknown option \(option)")
            }
        }
        var driver = MutationDriver(target: target, seed: seed, corpus: corpus, artifact: artifact)
        let runs = driver.run(for: seconds)
        print("esteira-fuzz \(target.rawValue): \(runs) inputs in \(Int(seconds)) s (seed \(seed)), no crash")
    }

    let target: FuzzTarget
    var random: SplitMix
    var pool: [Data]
    let artifact: FileHandle?

    init(target: FuzzTarget, seed: UInt64, corpus: URL?, artifact: URL?) {
        self.target = target
        random = SplitMix(seed: seed)
        pool = target.seeds
        if let corpus, let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) {
            for name in names.sorted() {
                if let data = try? Data(contentsOf: corpus.appendingPathComponent(name)), data.count <= 1 << 16 {
                    pool.append(data)
                }
            }
        }
        if let artifact {
            _ = FileManager.default.createFile(atPath: artifact.path, contents: nil)
            self.artifact = FileHandle(forWritingAtPath: artifact.path)
        } else {
            self.artifact = nil
        }
    }

    /// Runs mutated inputs until `seconds` have passed; returns how many ran.
    mutating func run(for seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while runs % 64 != 0 || Date() < deadline {
            var input = pool[Int(random.next() % UInt64(pool.count))]
            for _ in 0...(random.next() % 8) { mutate(&input) }
            if let artifact {
                try? artifact.truncate(atOffset: 0)
                try? artifact.write(contentsOf: input)
            }
            target.run(input)
            if runs % 16 == 0 && pool.count < 512 { pool.append(input) }
            runs += 1
        }
        try? artifact?.truncate(atOffset: 0)
        return runs
    }

    /// Tokens that reach the parsers' edge cases.
    static let tokens: [[UInt8]] = [
        "\"", "\"\"", ",", ";", "\n", "\r\n", "\u{FEFF}", "{", "}", "[", "]", ":", "\\u0000", "\\ud800", "1e400",
        "-0", "NaN", "0000-00-00", "29/02/2023", "R$ 1.234,56", "<", "</", "&amp;", "&#x0;", "<![CDATA[", "]]>",
        "(", ")", "#a", ":v", " AND ", " OR ", "NOT ", "BETWEEN", "SET ", "REMOVE ", "[9999999999999999999]", ".",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x80, 0xAE], [0x1B, 0x5B]]

    private mutating func mutate(_ data: inout Data) {
        let position = data.isEmpty ? 0 : Int(random.next() % UInt64(data.count + 1))
        switch random.next() % 6 {
        case 0 where !data.isEmpty && position < data.count:
            data[data.startIndex + position] ^= UInt8(1 << (random.next() % 8))
        case 1:
            data.insert(UInt8(truncatingIfNeeded: random.next()), at: data.startIndex + position)
        case 2 where !data.isEmpty:
            let end = min(data.count, position + Int(random.next() % 16) + 1)
            data.removeSubrange((data.startIndex + min(position, data.count - 1))..<(data.startIndex + end))
        case 3 where !data.isEmpty && data.count < 1 << 16:
            let start = min(position, data.count - 1)
            let slice = data[(data.startIndex + start)..<(data.startIndex + min(data.count, start + 32))]
            let copies = Int(random.next() % 64) + 1
            data.insert(contentsOf: Array(repeating: Array(slice), count: copies).joined(), at: data.startIndex + position)
        default:
            let token = Self.tokens[Int(random.next() % UInt64(Self.tokens.count))]
            data.insert(contentsOf: token, at: data.startIndex + position)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("esteira-fuzz: \(message)\n".utf8))
        exit(2)
    }
}
#endif
