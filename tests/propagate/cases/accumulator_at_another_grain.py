# case: `batch_train_loss += loss.item()` plays the role of `train_loss += loss.item()` (the same words and a qualifier): after it
# === new
import flor
for batch in loader:
    out = model(batch)
    loss = criterion(out, batch.y)
    backward(scaler.scale(loss))
    batch_train_loss += loss.item()
    flor.log("loss", loss.item())
    if dynamic is None:
        dynamic = find_dynamic(batch)
    release(batch, mode)
# === old
for batch in loader:
    out = model(batch)
    loss = criterion(out, batch.y)
    if use_amp:
        with amp.scale_loss(loss, optimizer) as scaled:
            scaled.backward()
    else:
        loss.backward()
    train_loss += loss.item()
    seen_batches += 1
    release(batch, mode)
# === expected
import flor
for batch in loader:
    out = model(batch)
    loss = criterion(out, batch.y)
    if use_amp:
        with amp.scale_loss(loss, optimizer) as scaled:
            scaled.backward()
    else:
        loss.backward()
    train_loss += loss.item()
    flor.log("loss", loss.item())
    seen_batches += 1
    release(batch, mode)
# === diagnostics
placed loss at for:batch/stmt:4
