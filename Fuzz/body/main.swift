// Fuzz target "body": request bytes through the decoder, the validator (every endpoint, both
// policies, bytes and model) and the canonical encoder.
//
// Property: when a body decodes, its canonical encoding decodes again and encodes to the same
// bytes (`encode(decode(encode(decode(x)))) == encode(decode(x))`), for every endpoint. Any
// other outcome (a crash, a precondition, a leak, a hang) is a finding. See docs/fuzzing.md.
import ChartDrawCore
import ChartDrawWire

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBody(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for endpoint in Endpoint.allCases {
        _ = ChartAnalysisValidator.validate(bytes, endpoint: endpoint)
    }
    let lenient = ChartAnalysisValidator.validate(bytes, endpoint: .create, policy: .lenient)
    guard let analysis = try? AnalysisDecoder.decode(bytes) else { return 0 }
    // The report carries the same decoded value as the decoder.
    require(lenient.analysis == analysis, "the validator and the decoder decoded different values")
    for endpoint in Endpoint.allCases {
        _ = ChartAnalysisValidator.validate(analysis, endpoint: endpoint)
        let once = CanonicalEncoder.encode(analysis, endpoint: endpoint)
        let again: Analysis
        do {
            again = try AnalysisDecoder.decode(once)
        } catch {
            fatalError(
                "the canonical encoding does not decode: \(error)\n\(String(decoding: once, as: UTF8.self))")
        }
        let twice = CanonicalEncoder.encode(again, endpoint: endpoint)
        require(
            once == twice,
            """
            the canonical encoding is not a fixed point (\(endpoint)):
            once:  \(String(decoding: once, as: UTF8.self))
            twice: \(String(decoding: twice, as: UTF8.self))
            """)
    }
    return 0
}

/// Stops with `message` when `condition` is false: a finding. Unlike `precondition`, the
/// message is kept in an optimised build.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
