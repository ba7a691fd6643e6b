import ChartDrawRender

#if canImport(Glibc)
    import Glibc
#endif

// chartdraw-bench: the engine's side of ../shared/bench.
//   chartdraw-bench validate corpus|large|one FILE ...     (validation, see ValidationBench.swift)
//   chartdraw-bench evaluate [--candles N] [--drawings M]  (follow-up, see EvaluationBench.swift)
//   chartdraw-bench --workload F.json --out OUT.png       (one image, the peers' command line)
//   chartdraw-bench --batch F.jsonl --k K --png mem|none  (warm loop, the peers' command line)
// As in `chartdraw`: the engine's text is the process's only text (see ChartRenderer).
ChartRenderer.skipMachineFontConfiguration()
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "validate" {
    exit(validationBenchMain(Array(arguments.dropFirst())))
}
if arguments.first == "evaluate" {
    exit(evaluationBenchMain(Array(arguments.dropFirst())))
}
exit(renderBenchMain(arguments))
