# case: already logged: unchanged
# options: crlf
# === new
import flor
for x in data:
    y = f(x)
    flor.log("y", y)
# === old
import flor
for x in data:
    y = f(x)
    flor.log("y", y)
# === expected
<unchanged>
# === diagnostics
present y
