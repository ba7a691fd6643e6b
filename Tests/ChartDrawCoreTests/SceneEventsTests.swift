import ChartDrawCore
import Testing

/// The follow-up overlay (`ChartOptions.events`) in the display list.
@Suite("Scene: follow-up events overlay")
struct SceneEventsTests {
    static func scene(events: EvaluationOptions?) throws -> (SceneResult, Evaluation, CandleSeries, Analysis) {
        let candles = try Eval.series([
            Eval.bar(100, 100.5), Eval.bar(100.5, 101), Eval.bar(101, 102.5), Eval.bar(102.5, 104),
            (104, 105.4, 103.8, 105),
            Eval.bar(105, 104.5),
        ])
        let a = Eval.analysis([Eval.horizontal("h", 102)], support: 98, resistance: 105)
        var options = ChartOptions(width: 400, height: 240)
        options.events = events
        let result = try ChartScene.build(analysis: a, candles: candles, options: options)
        return (result, Evaluation.evaluate(a, candles: candles, options: events ?? EvaluationOptions()), candles, a)
    }

    /// The items of group `name`.
    static func group(_ name: String, _ list: DisplayList) -> [DisplayItem] {
        var out: [DisplayItem] = []
        var depth = 0
        for item in list.items {
            if case .beginGroup(let g) = item, g == name {
                depth = 1
                continue
            }
            if depth > 0 {
                if case .beginGroup = item { depth += 1 }
                if case .endGroup = item {
                    depth -= 1
                    if depth == 0 { break }
                }
                out.append(item)
            }
        }
        return out
    }

    @Test func marksEveryEventAtItsCandleAndShadesTheOutcome() throws {
        let (result, e, candles, _) = try Self.scene(events: EvaluationOptions())
        #expect(e.outcome.status == .targetHit && e.outcome.bar == 4)
        #expect(Eval.summary(e).contains("2:h:cross_up"))
        let items = Self.group("events", result.displayList)
        let theme = ChartTheme.light
        // One halo stroke per marker, its first point on the candle's x (the scene's mapping).
        var markerXs: [Double] = []
        for case .stroke(let path, let style) in items where style.color == theme.background {
            if case .move(let p)? = path.elements.first { markerXs.append(p.x) }
        }
        #expect(
            markerXs
                == e.events.map {
                    result.scale.x(candle: $0.bar, time: candles.candles[$0.bar].t, count: candles.candles.count)
                })
        // The target box (bullish green) and the invalidation box (bearish red), translucent.
        let fills = items.compactMap { item -> RGBAColor? in
            if case .fill(_, let c) = item { return c } else { return nil }
        }
        #expect(fills.contains(theme.bullish.withAlpha(0.14)))
        #expect(fills.contains(theme.bearish.withAlpha(0.14)))
        let texts = result.displayList.items.compactMap { item -> String? in
            if case .text(let t) = item { return t.text } else { return nil }
        }
        #expect(texts.contains("Target hit"))
        #expect(texts.contains("cross up"))
    }

    @Test func noOverlayWithoutTheOption() throws {
        let (result, _, _, _) = try Self.scene(events: nil)
        #expect(!result.displayList.items.contains(.beginGroup("events")))
        #expect(
            !result.displayList.items.contains {
                if case .text(let t) = $0 { return t.text == "Target hit" } else { return false }
            })
    }

    @Test func theExpiryMarkerCountsFromTheEvaluationStart() throws {
        let candles = try Eval.series((0..<8).map { _ in Eval.bar(100, 100.5) })
        let a = Eval.analysis([Eval.horizontal("h", 102)], support: 98, resistance: 105, expiryHours: 3)
        var options = ChartOptions(width: 400, height: 240)
        options.events = EvaluationOptions()
        let with = try ChartScene.build(analysis: a, candles: candles, options: options)
        let texts = with.displayList.items.compactMap { item -> String? in
            if case .text(let t) = item { return t.text } else { return nil }
        }
        // Start hour 0 + 3 hours, not the last candle (hour 7) + 3; the candles have passed it.
        #expect(texts.contains("Expired 8 Jan 03:00 UTC"))
        #expect(texts.contains("Expired"))
    }
}
