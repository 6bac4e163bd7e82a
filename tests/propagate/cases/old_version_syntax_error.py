# case: an old version that does not parse is declined with its line
# === new
import flor
x = 1
flor.log("x", x)
# === old
x = 1
def f(:
    pass
# === expected
<declined>
# === diagnostics
declined x: unparseable: line 2: invalid syntax
error: unparseable: line 2: invalid syntax
