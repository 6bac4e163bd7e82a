# case: no y: declined
# === new
import flor
for x in data:
    y = f(x)
    flor.log("y", y)
# === old
for x in data:
	print(x)
# === expected
<declined>
# === diagnostics
declined y: reads `y`, computed today by the statement at line 3, which has no counterpart in this version
