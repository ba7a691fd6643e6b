print("chartdraw")
