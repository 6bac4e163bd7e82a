# case: a CRLF file gets CRLF lines
# options: crlf
# === new
import flor
for x in data:
    y = f(x)
    flor.log("y", y)
# === old
for x in data:
    y = f(x)
    print(y)
# === expected
import flor
for x in data:
    y = f(x)
    flor.log("y", y)
    print(y)
# === diagnostics
placed y at for:x/stmt:1
