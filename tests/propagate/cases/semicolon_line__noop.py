# case: already logged: unchanged
# === new
import flor
torch.manual_seed(0)
flor.log("seeded", True)
# === old
import flor
torch.manual_seed(0); flor.log("seeded", True)
# === expected
<unchanged>
# === diagnostics
present seeded
