import ChartDrawCore
import ChartDrawGoldenTesting
import ChartDrawRender
import Testing

/// Each primitive display list against its reference in `golden-images/primitives/`.
@Test(arguments: PrimitiveCases.names)
func primitiveGolden(_ name: String) throws {
    let list = try #require(PrimitiveCases.all[name])
    assertGolden(list, kind: "primitives", name: name)
}
