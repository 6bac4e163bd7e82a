# case: the statement is already after the old dataloader: nothing changes
# === new
import flor


class Template:
    def make_train_dataloader(self, num_workers=0, shuffle=True, **kwargs):
        other_dataloader_args = self._common_parameters(batch_size=self.train_mb_size, shuffle=shuffle)
        if "ffcv_args" in kwargs:
            other_dataloader_args["ffcv_args"] = kwargs["ffcv_args"]
        if hasattr(self.experience, "task_labels"):
            self.dataloader = TaskBalancedDataLoader(self.adapted_dataset, **other_dataloader_args)
        else:
            self.dataloader = DataLoader(self.adapted_dataset, **other_dataloader_args)
        flor.log("loader_args", sorted(other_dataloader_args))
# === old
import flor


class Template:
    def make_train_dataloader(self, num_workers=0, shuffle=True, **kwargs):
        other_dataloader_args = {}
        for k, v in kwargs.items():
            other_dataloader_args[k] = v
        self.dataloader = TaskBalancedDataLoader(
            self.adapted_dataset,
            oversample_small_groups=True,
            num_workers=num_workers,
            batch_size=self.train_mb_size,
            shuffle=shuffle,
            **other_dataloader_args
        )
        flor.log("loader_args", sorted(other_dataloader_args))
# === expected
<unchanged>
# === diagnostics
present loader_args
