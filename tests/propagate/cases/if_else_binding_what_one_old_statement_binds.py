# case: an if/else new today that builds self.dataloader in each branch plays the role of the old statement that builds it: the statement goes after that one
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
# === expected
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
# === diagnostics
placed loader_args at Template/make_train_dataloader/stmt:3
