# case: already logged with the plain module: unchanged
# === new
from florc import log
for x in data:
    y = f(x)
    log("y", y)
# === old
import florc as flor
for x in data:
    y = f(x)
    flor.log("y", y)
# === expected
<unchanged>
# === diagnostics
present y
