import ChartDrawCore
import Testing

@Suite("Evaluation: events per drawing type")
struct EvaluationEventTests {
    @Test func horizontalLineTouchesAndCrosses() throws {
        let candles = try Eval.series([
            (98, 99, 97, 98.5),  // bar 0: before the start, gives the side (below)
            (98.5, 99.5, 98, 99),  // below, out of reach
            (99, 100.5, 98.8, 100.2),  // touch and close above
            (100.2, 100.8, 100.1, 100.6),  // above, out of reach
            (100.6, 100.7, 99.5, 99.8),  // touch and close below
            (99.8, 100.0, 99.6, 100.0),  // close exactly on the line: same contact, no cross
            (100, 100.4, 99.9, 100.3),  // close above: a cross from below (the tie kept the side)
        ])
        let e = Evaluation.evaluate(Eval.analysis([Eval.horizontal("h", 100)]), candles: candles)
        #expect(e.firstBar == 1)
        #expect(Eval.summary(e) == ["2:h:touch", "2:h:cross_up", "4:h:touch", "4:h:cross_down", "6:h:cross_up"])
        #expect(e.events.allSatisfy { $0.price == 100 })
        #expect(e.events[0].time == Eval.hour(2))
    }

    @Test func aCandleExactlyOnALevelTouchesItWithoutCrossing() throws {
        let candles = try Eval.series([Eval.bar(98, 99), (99, 100, 98.5, 99.5), Eval.bar(99.5, 99), (99, 101, 99, 100)])
        let e = Evaluation.evaluate(Eval.analysis([Eval.horizontal("h", 100)]), candles: candles)
        // Bar 1's high is the level: a touch. Bar 3 closes on it: a new contact, still no cross.
        #expect(Eval.summary(e) == ["1:h:touch", "3:h:touch"])
    }

    @Test func aGapAcrossALevelCrossesWithoutATouch() throws {
        let candles = try Eval.series([Eval.bar(98, 99), (101, 101.5, 100.5, 101.2), (101.2, 101.3, 98, 98.2)])
        let e = Evaluation.evaluate(Eval.analysis([Eval.horizontal("h", 100)]), candles: candles)
        #expect(Eval.summary(e) == ["1:h:cross_up", "2:h:touch", "2:h:cross_down"])
    }

    @Test func levelsAreEvaluatedLikeHorizontalLines() throws {
        let candles = try Eval.series([Eval.bar(98, 99), Eval.bar(99, 102), Eval.bar(102, 104)])
        let e = Evaluation.evaluate(Eval.analysis([], direction: nil, pivot: 100), candles: candles)
        #expect(Eval.summary(e) == ["1:piv:touch", "1:piv:cross_up"])
    }

    /// A line from (hour 0, 100) to (hour 4, 104): 100 + k at bar k.
    static let rising = Eval.line("l", Eval.point(0, 100), Eval.point(4, 104))
    static let risingBars: [(Double, Double, Double, Double)] = [
        Eval.bar(99, 99.5), (99.5, 101.6, 99.4, 101.5), (101.5, 101.6, 100.9, 101), Eval.bar(101, 102),
        Eval.bar(102, 103), (103, 106.2, 102.9, 106),
    ]

    @Test func aLineIsEvaluatedWithinItsTimeSpan() throws {
        let candles = try Eval.series(Self.risingBars)
        let e = Evaluation.evaluate(
            Eval.analysis([Self.rising]), candles: candles, options: EvaluationOptions(from: Eval.hour(1)))
        #expect(Eval.summary(e) == ["1:l:touch", "1:l:cross_up", "2:l:cross_down"])
        #expect(e.events.map(\.price) == [101, 101, 102])
    }

    @Test func extendRightCarriesALineBeyondItsLastPoint() throws {
        let candles = try Eval.series(Self.risingBars)
        let e = Evaluation.evaluate(
            Eval.analysis([Self.rising]), candles: candles,
            options: EvaluationOptions(from: Eval.hour(1), extendRight: true))
        #expect(Eval.summary(e) == ["1:l:touch", "1:l:cross_up", "2:l:cross_down", "5:l:touch", "5:l:cross_up"])
        #expect(e.events.last?.price == 105)
    }

    @Test func aLineCrossedInsideAWeekendGapCrossesInBarSpace() throws {
        // Bars 0-2 on Friday, 3-4 after a 48-hour weekend. The line runs from bar 0 (100) to
        // bar 4 (104): 103 at bar 3 in bar space, as the chart draws it. In clock time it would
        // be 100 + 4 * 51 / 52 = 103.92 there, above bar 3's close of 103.5.
        let candles = try Eval.series(
            [
                Eval.bar(99, 99.5), Eval.bar(99.5, 100.5), Eval.bar(100.5, 101.5), Eval.bar(101.5, 103.5),
                Eval.bar(103.5, 104.5),
            ],
            gapAfter: 3, gapHours: 48)
        let line = Eval.line("l", Eval.point(0, 100), Eval.point(52, 104))
        let e = Evaluation.evaluate(
            Eval.analysis([line]), candles: candles, options: EvaluationOptions(from: Eval.hour(1)))
        #expect(Eval.summary(e) == ["3:l:touch", "3:l:cross_up"])
        #expect(abs(e.events[1].price - 103) < 1e-9)
        #expect(e.events[1].time == Eval.hour(51))
    }

    @Test func rectangleEntersExitsAndEndsInTime() throws {
        let candles = try Eval.series([
            Eval.bar(98, 99), Eval.bar(99, 100.5), Eval.bar(100.5, 102.5), Eval.bar(102.5, 101), Eval.bar(101, 99.5),
            Eval.bar(99.5, 103), Eval.bar(103, 101), Eval.bar(101, 101.2), Eval.bar(101.2, 99),
        ])
        let box = Eval.rectangle("z", Eval.point(6, 102), Eval.point(0, 100))
        let e = Evaluation.evaluate(
            Eval.analysis([box]), candles: candles, options: EvaluationOptions(from: Eval.hour(1)))
        #expect(
            Eval.summary(e) == [
                "1:z:enter", "2:z:exit_up", "3:z:enter", "4:z:exit_down", "5:z:enter", "5:z:exit_up", "6:z:enter",
                "7:z:exit_time",
            ])
        #expect(e.events.map(\.price) == [100, 102, 102, 100, 100, 102, 102, 101.2])
    }

    @Test func channelEntersBreaksAndTouchesItsLines() throws {
        // Base line 100 + k, parallel 4 above: the band is [100 + k, 104 + k] at bar k.
        let ch = Eval.channel("ch", Eval.point(0, 100), Eval.point(10, 110), Eval.point(0, 104))
        let candles = try Eval.series([
            Eval.bar(98, 99), Eval.bar(99, 101.5), Eval.bar(101.5, 103), Eval.bar(103, 107.5), Eval.bar(107.5, 106),
            Eval.bar(106, 104),
        ])
        let e = Evaluation.evaluate(
            Eval.analysis([ch]), candles: candles, options: EvaluationOptions(from: Eval.hour(1)))
        #expect(
            Eval.summary(e) == [
                "1:ch:touch_lower", "1:ch:enter", "3:ch:touch_upper", "3:ch:break_up", "4:ch:enter",
                "5:ch:touch_lower", "5:ch:break_down",
            ])
        #expect(e.events.map(\.price) == [101, 101, 107, 107, 108, 105, 105])
    }

    @Test func fibonacciLevelsAreReachedOnceAfterTheSecondPoint() throws {
        // 100 -> 110: ratio r at 110 - 10 r.
        let fib = Eval.fibonacci("fib", Eval.point(0, 100), Eval.point(2, 110))
        let candles = try Eval.series([
            Eval.bar(100, 105), Eval.bar(105, 109),  // bar 1 is before the second point
            // bar 4 gaps down over 0.382 and 0.5
            (109, 110.5, 109, 110.2), Eval.bar(110.2, 107), (104, 104.5, 103.9, 104.2),
            Eval.bar(104.2, 108),
        ])
        let e = Evaluation.evaluate(
            Eval.analysis([fib]), candles: candles, options: EvaluationOptions(from: Eval.hour(1)))
        #expect(
            Eval.summary(e) == [
                "2:fib:level_reached", "3:fib:level_reached", "4:fib:level_reached", "4:fib:level_reached",
            ])
        #expect(e.events.map { $0.ratio ?? -1 } == [0, 0.236, 0.382, 0.5])
        #expect(abs(e.events[3].price - 105) < 1e-9)
    }

    @Test func wickTriggerCrossesOnTheHighOrLow() throws {
        let candles = try Eval.series([Eval.bar(98, 99), (99, 100.5, 98.8, 99.5), Eval.bar(99.5, 99)])
        let a = Eval.analysis([Eval.horizontal("h", 100)])
        #expect(Eval.summary(Evaluation.evaluate(a, candles: candles)) == ["1:h:touch"])
        let wick = Evaluation.evaluate(a, candles: candles, options: EvaluationOptions(crossTrigger: .wick))
        #expect(Eval.summary(wick) == ["1:h:touch", "1:h:cross_up"])
        // Close-only touches: the close path 99 -> 99.5 does not reach 100.
        let close = Evaluation.evaluate(a, candles: candles, options: EvaluationOptions(touchTrigger: .close))
        #expect(Eval.summary(close).isEmpty)
    }

    @Test func defaultStartIsTheLastPointOrLevelTime() throws {
        let a = Eval.analysis(
            [Eval.horizontal("h", 100, at: 1), Eval.line("l", Eval.point(0, 90), Eval.point(3, 91))], pivot: 95)
        #expect(Evaluation.defaultStart(of: a) == Eval.hour(3))
        let candles = try Eval.series((0..<6).map { _ in Eval.bar(99, 101) })
        let e = Evaluation.evaluate(a, candles: candles)
        #expect(e.firstBar == 4)
        #expect(e.events.allSatisfy { $0.bar >= 4 })
        let none = Evaluation.evaluate(a, candles: candles, options: EvaluationOptions(from: Eval.hour(9)))
        #expect(none.events.isEmpty && none.outcome.status == .open)
        #expect(none.warnings.contains { $0.message.contains("no candle comes after the start") })
    }
}

@Suite("Evaluation: the outcome")
struct EvaluationOutcomeTests {
    static let calm: [(Double, Double, Double, Double)] = (0..<3).map { _ in Eval.bar(100, 100.5) }

    @Test func bullishTargetIsTheResistanceAndStopTheSupport() throws {
        let candles = try Eval.series(Self.calm + [(100.5, 105.2, 100.4, 104), Eval.bar(104, 94)])
        let a = Eval.analysis([], support: 95, resistance: 105)
        let e = Evaluation.evaluate(a, candles: candles)
        #expect(e.roles == EvaluationRoles(target: "res", stop: "sup"))
        #expect(e.outcome.status == .targetHit)
        #expect(e.outcome.bar == 3 && e.outcome.time == Eval.hour(3))
        #expect(e.outcome.targetPrice == 105 && e.outcome.stopPrice == 95)
    }

    @Test func bearishIsTheReverse() throws {
        let candles = try Eval.series(Self.calm + [(100.5, 105.2, 100.4, 105.1), Eval.bar(105.1, 94)])
        let a = Eval.analysis([], direction: .bearish, placement: .aboveCurrent, support: 95, resistance: 105)
        let e = Evaluation.evaluate(a, candles: candles)
        #expect(e.roles == EvaluationRoles(target: "sup", stop: "res"))
        #expect(e.outcome.status == .invalidated)
        #expect(e.outcome.bar == 3)
    }

    @Test func aWickThroughTheStopDoesNotInvalidateByDefault() throws {
        let candles = try Eval.series(Self.calm + [(100.5, 100.6, 94, 96), Eval.bar(96, 97)])
        let a = Eval.analysis([], support: 95, resistance: 105)
        #expect(Evaluation.evaluate(a, candles: candles).outcome.status == .open)
        let wick = Evaluation.evaluate(a, candles: candles, options: EvaluationOptions(crossTrigger: .wick))
        #expect(wick.outcome.status == .invalidated && wick.outcome.bar == 3)
    }

    @Test func aBarReachingTargetAndStopCountsAsInvalidated() throws {
        let candles = try Eval.series(Self.calm + [(100.5, 105.5, 94, 94.5)])
        let e = Evaluation.evaluate(Eval.analysis([], support: 95, resistance: 105), candles: candles)
        #expect(e.outcome.status == .invalidated)
        #expect(e.outcome.bar == 3)
    }

    @Test func expiryBeforeAnyEvent() throws {
        // Created at hour 0 (the start), 2 hours: expired at bar 2; the target comes at bar 4.
        let candles = try Eval.series(Self.calm + [Eval.bar(100.5, 101), (101, 105.5, 101, 105)])
        let a = Eval.analysis([Eval.horizontal("h", 105)], support: 95, resistance: 105, expiryHours: 2)
        let e = Evaluation.evaluate(a, candles: candles)
        #expect(e.expiry == Eval.hour(2))
        #expect(
            e.outcome
                == EvaluationOutcome(status: .expired, time: Eval.hour(2), bar: 2, targetPrice: 105, stopPrice: 95))
        #expect(Eval.summary(e).first == "2:-:expired")
        // Events after the expiry are still reported; the outcome stays.
        #expect(Eval.summary(e).contains("4:h:touch"))
        // From an explicit creation time instead of the start.
        let later = Evaluation.evaluate(a, candles: candles, options: EvaluationOptions(createdAt: Eval.hour(3)))
        #expect(later.outcome.status == .targetHit && later.outcome.bar == 4)
    }

    @Test func objectsNamedTargetAndStopRefineTheLevels() throws {
        let candles = try Eval.series(Self.calm + [(100.5, 103.2, 100.4, 103), Eval.bar(103, 104)])
        let a = Eval.analysis(
            [Eval.horizontal("target", 103), Eval.horizontal("s2", 98)], support: 95, resistance: 105,
            preferenceText: "Out below [[s2:stop]].")
        let e = Evaluation.evaluate(a, candles: candles)
        #expect(e.roles == EvaluationRoles(target: "target", stop: "s2"))
        #expect(e.outcome.status == .targetHit && e.outcome.bar == 3)
        #expect(e.outcome.targetPrice == 103 && e.outcome.stopPrice == 98)
    }

    @Test func aTargetLineCountsOnlyWhereItIsDefined() throws {
        // A target line from hour 0 to hour 2 at 103: bar 3 reaches 103 after it ended.
        let candles = try Eval.series(Self.calm + [(100.5, 103.2, 100.4, 103)])
        let target = Eval.line("target", Eval.point(0, 103), Eval.point(2, 103))
        let a = Eval.analysis([target], support: 95)
        let e = Evaluation.evaluate(a, candles: candles, options: EvaluationOptions(from: Eval.hour(1)))
        #expect(e.outcome.status == .open)
        let ext = Evaluation.evaluate(
            a, candles: candles, options: EvaluationOptions(from: Eval.hour(1), extendRight: true))
        #expect(ext.outcome.status == .targetHit && ext.outcome.bar == 3)
    }

    @Test func breakoutEntryIsThePivotCrossedInTheDirection() throws {
        let candles = try Eval.series(
            Self.calm + [Eval.bar(100.5, 99.5), Eval.bar(99.5, 101.5), Eval.bar(101.5, 100.5), Eval.bar(100.5, 101.2)])
        let bullish = Eval.analysis([], placement: .aboveCurrent, support: 95, pivot: 101, resistance: 105)
        let e = Evaluation.evaluate(bullish, candles: candles)
        #expect(e.roles.entry == "piv")
        #expect(Eval.summary(e).filter { $0.hasSuffix(":entry") } == ["4:piv:entry"])
        #expect(e.events.first { $0.kind == .entry }?.price == 101)
        // A bounce has no entry.
        let bounce = Evaluation.evaluate(Eval.analysis([], support: 95, pivot: 101, resistance: 105), candles: candles)
        #expect(bounce.roles.entry == nil && !bounce.events.contains { $0.kind == .entry })
        // Bearish breakout: the pivot crossed downward.
        let bearish = Evaluation.evaluate(
            Eval.analysis([], direction: .bearish, placement: .belowCurrent, support: 95, pivot: 101, resistance: 105),
            candles: candles)
        #expect(Eval.summary(bearish).filter { $0.hasSuffix(":entry") } == ["5:piv:entry"])
    }

    @Test func withoutADirectionThereIsNoTargetOrStop() throws {
        let candles = try Eval.series(Self.calm + [Eval.bar(100.5, 110)])
        let e = Evaluation.evaluate(Eval.analysis([], direction: nil, support: 95, resistance: 105), candles: candles)
        #expect(e.roles == EvaluationRoles())
        #expect(e.outcome.status == .open)
        #expect(e.warnings.contains { $0.message.contains("direction") })
    }

    @Test func theExpiryIsPlacedByTheSameRuleAsTheChart() {
        #expect(Expiry(hours: 24).resolve(from: nil) == .noStart)
        #expect(Expiry(hours: 24).resolve(from: Eval.hour(0)) == .instant(Eval.hour(24)))
        #expect(
            Expiry(type: ExpiryType(rawValue: "DAYS"), hours: 1).resolve(from: Eval.hour(0)) == .unknownType("DAYS"))
        #expect(Expiry(hours: 1 << 40).resolve(from: Eval.hour(0)) == .outOfRange(hours: 1 << 40))
        #expect(ExpiryResolution.noStart.problem("x")?.hasSuffix("; x") == true)
    }
}
