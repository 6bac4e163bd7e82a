# case: today's keep_after is config.keep_after; the old config object (renamed c) never reads a keep_after: declined, not replaced by c.keep_after
# === new
import flor


def main(config):
    model = setup_model(config)
    best_loss = float("inf")
    keep_after = config.keep_after
    flor.log("keep_after", keep_after)
    for epoch in range(config.epochs):
        train_avg_loss = train(model, epoch)
        best_loss = save_best_model(train_avg_loss, best_loss, model, config.keep_all_best, keep_after)
# === old
def main(c):
    model = setup_model(c)
    best_loss = float("inf")
    for epoch in range(c.epochs):
        train_avg_loss = train(model, epoch)
        best_loss = save_best_model(train_avg_loss, best_loss, model)
# === expected
<declined>
# === diagnostics
declined keep_after: reads `keep_after`, computed today by the statement at line 7, which has no counterpart in this version
