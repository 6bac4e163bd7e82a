# case: the previous sibling equals the else branch of an old if/else: after the whole if/else
# === new
import flor
running = 0.0
for episode in range(100):
    ret = play()
    running = 0.95 * running + 0.05 * ret
    flor.log("running", running)
    update(ret)
# === old
running = None
for episode in range(100):
    ret = play()
    if running is None:
        running = ret
    else:
        running = 0.95 * running + 0.05 * ret
    update(ret)
# === expected
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
# === diagnostics
placed running at for:episode/stmt:2
