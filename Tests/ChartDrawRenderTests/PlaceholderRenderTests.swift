import Testing

@Test func placeholderRender() { #expect(1 + 1 == 2) }
