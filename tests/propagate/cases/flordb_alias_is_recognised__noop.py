# case: the key is already logged under the old alias: unchanged
# === new
import flordb as flor
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
