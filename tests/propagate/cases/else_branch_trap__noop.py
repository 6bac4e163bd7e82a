# case: the same statement inside the else branch of the newest version stays there
# === new
import flor
running = None
for episode in range(100):
    ret = play()
    if running is None:
        running = ret
    else:
        running = 0.95 * running + 0.05 * ret
        flor.log("running", running)
    update(ret)
# === old
import flor
running = None
for episode in range(100):
    ret = play()
    if running is None:
        running = ret
    else:
        running = 0.95 * running + 0.05 * ret
        flor.log("running", running)
    update(ret)
# === expected
<unchanged>
# === diagnostics
present running
