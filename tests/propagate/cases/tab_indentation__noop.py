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
declined y: none of its neighbouring statements has a counterpart
