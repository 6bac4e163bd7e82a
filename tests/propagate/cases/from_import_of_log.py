# case: `from florc import log` is recognised and the same import is added
# === new
from florc import log
for x in data:
    y = f(x)
    log("y", y)
# === old
for x in data:
    y = f(x)
# === expected
from florc import log
for x in data:
    y = f(x)
    log("y", y)
# === diagnostics
placed y at for:x/stmt:1
