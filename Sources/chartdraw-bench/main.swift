print("chartdraw-bench")
