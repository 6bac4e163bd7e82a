# case: the old version reads keep_after from its config and logs it already: nothing changes
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
import flor


def main(c):
    model = setup_model(c)
    best_loss = float("inf")
    keep_after = c.get("keep_after", 10000)
    flor.log("keep_after", keep_after)
    for epoch in range(c.epochs):
        train_avg_loss = train(model, epoch)
        best_loss = save_best_model(train_avg_loss, best_loss, model, c.keep_all_best, keep_after)
# === expected
<unchanged>
# === diagnostics
present keep_after
