# case: a key that is not a string literal is a positioned warning, not a statement to propagate
# === new
import flor
name = "x"
x = 1
flor.log(name, x)
# === old
name = "x"
x = 1
# === expected
<unchanged>
# === diagnostics
warning: the key of flor.log is not a string literal
