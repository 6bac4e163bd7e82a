# case: a Python 2 old version is declined with the reason
# === new
import flor
x = 1
flor.log("x", x)
# === old
x = 1
print x
# === expected
<declined>
# === diagnostics
declined x: unparseable: line 2: Python 2 syntax (Missing parentheses in call to 'print'. Did you mean print(...)?)
error: unparseable: line 2: Python 2 syntax (Missing parentheses in call to 'print'. Did you mean print(...)?)
