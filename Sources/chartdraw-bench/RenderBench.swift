func renderBenchMain(_ args: [String]) -> Int32 {
    print("render bench: not yet")
    return 2
}
