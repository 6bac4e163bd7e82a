# case: an empty old version is declined
# === new
import flor
x = 1
flor.log("x", x)
# === old
# === expected
<declined>
# === diagnostics
declined x: unparseable: empty file
error: unparseable: empty file
