import ChartDrawCore
import ChartDrawGoldenTesting
import ChartDrawRender
import Glibc
import Testing

/// The comparator, the diff image and the record modes, on synthetic images and a temporary
/// folder (never the repository's references).
@Suite struct GoldenHarnessTests {
    let base = RGBAImage(width: 8, height: 6, fill: (100, 150, 200, 255))

    func changed(_ image: RGBAImage, at x: Int, _ y: Int, by delta: Int) -> RGBAImage {
        var copy = image
        let p = copy[x, y]
        copy[x, y] = (UInt8(Int(p.red) + delta), p.green, p.blue, p.alpha)
        return copy
    }

    @Test func equalImagesPass() {
        let c = ImageComparison(expected: base, actual: base)
        #expect(c.passes)
        #expect(c.differingPixels == 0)
        #expect(c.maxChannelDifference == 0)
    }

    @Test func offByOnePassesTheStandardToleranceOnly() {
        let c = ImageComparison(expected: base, actual: changed(base, at: 3, 2, by: 1))
        #expect(c.passes)
        #expect(c.maxChannelDifference == 1)
        #expect(!ImageComparison(expected: base, actual: changed(base, at: 3, 2, by: 1), tolerance: .identical).passes)
    }

    @Test func offByTwoFails() {
        let c = ImageComparison(expected: base, actual: changed(base, at: 3, 2, by: -2))
        #expect(!c.passes)
        #expect(c.differingPixels == 1)
        #expect(c.maxChannelDifference == 2)
        let loose = GoldenTolerance.loose(channel: 2, reason: "test")
        #expect(ImageComparison(expected: base, actual: changed(base, at: 3, 2, by: -2), tolerance: loose).passes)
        #expect(loose.description.contains("test"))
    }

    @Test func sizeMismatchFails() {
        let c = ImageComparison(expected: base, actual: RGBAImage(width: 8, height: 5, fill: (100, 150, 200, 255)))
        #expect(!c.passes)
        #expect(!c.sizesMatch)
        #expect(c.differingPixels == 8)
        #expect(c.summary.contains("expected 8x6, actual 8x5 (size mismatch)"))
    }

    @Test func diffImageMarksDifferencesInRed() {
        let diff = ImageComparison.diffImage(expected: base, actual: changed(base, at: 5, 1, by: 40))
        #expect(diff[5, 1] == (255, 0, 0, 255))
        let other = diff[0, 0]
        #expect(other.red == other.green && other.green == other.blue && other.red > 200)
    }

    @Test func onePixelChangeInAListIsCaught() throws {
        var list = PrimitiveCases.darkBackground
        let before = try ChartRenderer.rasterize(list)
        list.items.append(.fill(PrimitiveCases.rect(70, 5, 1, 1), PrimitiveCases.white))
        let after = try ChartRenderer.rasterize(list)
        let c = ImageComparison(expected: before, actual: after)
        #expect(!c.passes)
        #expect(c.differingPixels == 1)
        #expect(ImageComparison.diffImage(expected: before, actual: after)[70, 5] == (255, 0, 0, 255))
    }

    /// A fresh temporary folder.
    func temporaryFolder() throws -> String {
        var template = Array("/tmp/chartdraw-golden-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(made != nil)
        return String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }

    func store(_ root: String, _ mode: RecordMode) -> GoldenStore {
        GoldenStore(referenceRoot: root + "/refs", artifactRoot: root + "/artifacts", mode: mode)
    }

    @Test func missingReferenceIsRecordedAndFailsTheRun() throws {
        let root = try temporaryFolder()
        let first = store(root, .missing).check(base, kind: "k", name: "case")
        #expect(!first.passed)
        #expect(first.recorded == [root + "/refs/k/case.png"])
        #expect(first.message.contains("new reference"))
        let second = store(root, .missing).check(base, kind: "k", name: "case")
        #expect(second.passed)
        #expect(second.recorded.isEmpty)
    }

    @Test func neverModeDoesNotWrite() throws {
        let root = try temporaryFolder()
        let outcome = store(root, .never).check(base, kind: "k", name: "case")
        #expect(!outcome.passed)
        #expect(outcome.recorded.isEmpty)
        #expect(access(root + "/refs/k/case.png", F_OK) != 0)
        #expect(outcome.artifacts == [root + "/artifacts/k/case.actual.png"])
    }

    @Test func failureWritesExpectedActualAndDiff() throws {
        let root = try temporaryFolder()
        _ = store(root, .missing).check(base, kind: "k", name: "case")
        let wrong = changed(base, at: 2, 2, by: 9)
        let outcome = store(root, .missing).check(wrong, kind: "k", name: "case")
        #expect(!outcome.passed)
        #expect(outcome.recorded.isEmpty)
        #expect(outcome.message.contains("1 pixels differ"))
        #expect(outcome.message.contains("largest channel difference 9"))
        #expect(outcome.message.contains("cairo 1."))
        let a = root + "/artifacts/k/case"
        #expect(outcome.artifacts == [a + ".expected.png", a + ".actual.png", a + ".diff.png"])
        let diff = try ChartRenderer.decodePNG(try #require(FileSystem.read(a + ".diff.png")))
        #expect(diff[2, 2] == (255, 0, 0, 255))
        // `failed` re-records it (and still fails); afterwards the new image passes.
        let rerecord = store(root, .failed).check(wrong, kind: "k", name: "case")
        #expect(!rerecord.passed)
        #expect(rerecord.recorded.count == 1)
        #expect(store(root, .never).check(wrong, kind: "k", name: "case").passed)
        // `all` rewrites even a passing one.
        #expect(!store(root, .all).check(wrong, kind: "k", name: "case").passed)
    }

    @Test func caseLoaderListsJSONBesidePNG() throws {
        #expect(GoldenCases.list("no-such-kind").isEmpty)
        let root = try temporaryFolder()
        mkdir(root + "/charts", 0o755)
        for (name, body) in [
            ("b-case.json", "{\"b\":1}"), ("a-case.json", "{}"), ("a-case.png", "x"), ("notes.txt", ""),
        ] {
            let f = try #require(fopen(root + "/charts/" + name, "wb"))
            fputs(body, f)
            fclose(f)
        }
        let cases = GoldenCases.list("charts", in: root)
        #expect(cases.map(\.name) == ["a-case", "b-case"])
        #expect(cases.map(\.referencePath) == [root + "/charts/a-case.png", root + "/charts/b-case.png"])
        #expect(cases.last?.json == Array("{\"b\":1}".utf8))
        #expect(cases.first?.kind == "charts")
    }
}
