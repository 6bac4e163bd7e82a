# case: an anchor on a `;` line: after the whole line
# === new
import flor
torch.manual_seed(0)
torch.cuda.manual_seed_all(0)
flor.log("seeded", True)
model = Net()
# === old
torch.manual_seed(0); torch.cuda.manual_seed_all(0)
model = Net()
# === expected
import flor
torch.manual_seed(0); torch.cuda.manual_seed_all(0)
flor.log("seeded", True)
model = Net()
# === diagnostics
placed seeded at stmt:2
