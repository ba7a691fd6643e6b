import ChartDrawCore
import ChartDrawWire
import Testing

@Suite("Number formatting")
struct NumberFormatTests {
    @Test(
        arguments: [
            (1.345, "1.345"), (2.0, "2"), (24, "24"), (1e-7, "1e-7"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (0.000001, "0.000001"), (1.5e-6, "0.0000015"), (123456789012345680000, "123456789012345680000"),
            (0.1 + 0.2, "0.30000000000000004"), (-0.0, "0"), (-1.25, "-1.25"), (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (1e15, "1000000000000000"), (1.3505, "1.3505"),
            (67000.5, "67000.5"), (0.5, "0.5"), (1.2345e-5, "0.000012345"), (2.5e25, "2.5e+25"), (-3e-9, "-3e-9"),
        ] as [(Double, String)])
    func shortestECMAScriptForm(value: Double, text: String) {
        #expect(JSONWriter.formatNumber(value) == text)
    }

    @Test func notFiniteIsNull() {
        #expect(JSONWriter.formatNumber(.nan) == "null")
        #expect(JSONWriter.formatNumber(.infinity) == "null")
    }

    @Test(arguments: [
        "1.345", "0.1", "1e-7", "123.456e10", "5e-324", "1.7976931348623157e308", "0.30000000000000004",
        "9007199254740993", "1234567890123456789012",
    ])
    func parsedNumbersMatchTheStandardLibrary(literal: String) throws {
        let v = try JSONParser.parse(literal)
        guard case .number(let n) = v else {
            Issue.record("not a number")
            return
        }
        #expect(n.literal == literal)
        #expect(n.value == Double(literal))
        // Writing the value and reading it back gives the same double.
        #expect(Double(JSONWriter.formatNumber(n.value)) == n.value)
    }
}
