# case: a tab-indented file gets tab-indented lines
# === new
import flor
for x in data:
    y = f(x)
    flor.log("y", y)
# === old
for x in data:
	y = f(x)
	if y:
		print(y)
# === expected
import flor
for x in data:
	y = f(x)
	flor.log("y", y)
	if y:
		print(y)
# === diagnostics
placed y at for:x/stmt:1
