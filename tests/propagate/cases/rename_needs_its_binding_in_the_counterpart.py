# case: an argument shifted in a call (`report(..., batch_loss)` / `report(..., n_batches)`) is no rename when the counterpart of the loop that computes `batch_loss` never binds `n_batches`: declined
# === new
import flor
for group in groups:
    optimizer.zero_grad()
    batch_loss = 0.0
    for batch in group:
        loss = model(batch) / len(group)
        batch_loss += loss.item()
        loss.backward()
    total += batch_loss
    flor.log("batch_loss", batch_loss)
    optimizer.step()
    report(model, total, batch_loss)
# === old
for group in groups:
    n_batches += 1
    optimizer.zero_grad()
    for batch in group:
        loss = model(batch) / len(group)
        loss.backward()
        total += loss.item()
    optimizer.step()
    report(model, total, n_batches)
# === expected
<declined>
# === diagnostics
declined batch_loss: reads `batch_loss`, which is not bound there in this version
