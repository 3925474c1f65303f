print("ita-extract")
