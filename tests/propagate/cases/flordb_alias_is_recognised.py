# case: `import flordb as flor` logs are recognised; an old version that imports it gets no second import
# === new
import flordb as flor
for x in data:
    y = f(x)
    flor.log("y", y)
# === old
import flordb as flor
for x in data:
    y = f(x)
    flor.log("other", x)
# === expected
import flordb as flor
for x in data:
    y = f(x)
    flor.log("y", y)
    flor.log("other", x)
# === diagnostics
placed y at for:x/stmt:1
