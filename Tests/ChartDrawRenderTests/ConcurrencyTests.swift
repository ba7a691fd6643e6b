import ChartDraw
import Testing

@Suite("Many threads, same bytes")
struct ConcurrencyTests {
    @Test func validatingEncodingAndRenderingOnManyThreadsGivesTheSerialBytes() throws {
        let dir = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        let body = try FileIO.read(dir + "/ChartDrawWireTests/Fixtures/create-analysis.json")
        let candles = try CandleFile.parse(try FileIO.read(dir + "/../Examples/GBPUSDBounce/candles.csv"))
        @Sendable func work() throws -> ([UInt8], [UInt8], [String]) {
            let report = ChartAnalysisValidator.validate(body)
            let canonical = CanonicalEncoder.encode(try #require(report.analysis), endpoint: .create)
            let png = try ChartDraw.render(json: body, candles: candles).bytes
            return (canonical, png, report.issues.map(\.code.rawValue))
        }
        let serial = try work()
        let results = Locked<[([UInt8], [UInt8], [String])]>([])
        let failures = Locked<[String]>([])
        runOnThreads(8) { _ in
            for _ in 0..<3 {
                do {
                    let r = try work()
                    results.withLock { $0.append(r) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let all = results.withLock { $0 }
        #expect(all.count == 24)
        for r in all {
            #expect(r.0 == serial.0)
            #expect(r.1 == serial.1)
            #expect(r.2 == serial.2)
        }
    }
}
