# case: the old version already logs after its helper saved the checkpoint: nothing changes
# === new
import flor


def train(model, args, batches):
    for it, batch in enumerate(batches, start=1):
        loss = step(model, batch)
        if it % args.steps_per_save == 0:
            weights = dict(tree_flatten(model.trainable_parameters()))
            mx.save_safetensors(str(args.adapter_file), weights)
            checkpoint = Path(args.adapter_file).parent / f"{it:07d}_adapters.safetensors"
            mx.save_safetensors(str(checkpoint), weights)
            flor.log("checkpoint", str(checkpoint))
            report_save(checkpoint)
# === old
import flor


def save_adapter(model, adapter_file):
    flattened = tree_flatten(model.trainable_parameters())
    mx.save_safetensors(str(adapter_file), dict(flattened))


def train(model, args, batches):
    for it, batch in enumerate(batches, start=1):
        loss = step(model, batch)
        if it % args.steps_per_save == 0:
            save_adapter(model, args.adapter_file)
            checkpoint = Path(args.adapter_file).parent / f"{it:07d}_adapters.safetensors"
            save_adapter(model, checkpoint)
            flor.log("checkpoint", str(checkpoint))
            print(f"Iter {it}: saved adapter weights to {args.adapter_file} and {checkpoint}.")
# === expected
<unchanged>
# === diagnostics
present checkpoint
