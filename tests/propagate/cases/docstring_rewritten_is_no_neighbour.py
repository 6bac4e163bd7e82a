# case: Today's fit() has a longer docstring, then the site, then a call of a method of another file that does what the old fit() did inline: the rewritten docstring is no neighbour, so the site is first in the function's work, after the old docstring.
# === new
import flor


class Model(BaseModel):
    def fit(self, dataset, val_size=0, test_size=0):
        """Fit the model.

        `dataset`: the time series dataset.
        `val_size`: int, validation size.
        `test_size`: int, test size.
        """
        flor.log("val_size", val_size)
        return self._fit(dataset=dataset, val_size=val_size, test_size=test_size)
# === old
class Model:
    def fit(self, dataset, val_size=0, test_size=0):
        """Fit.

        `dataset`: the dataset.
        """
        self.val_size = val_size
        self.test_size = test_size
        datamodule = DataModule(dataset=dataset, batch_size=self.batch_size)
        trainer = pl.Trainer(**self.trainer_kwargs)
        trainer.fit(self, datamodule=datamodule)
        return self
# === expected
import flor
class Model:
    def fit(self, dataset, val_size=0, test_size=0):
        """Fit.

        `dataset`: the dataset.
        """
        flor.log("val_size", val_size)
        self.val_size = val_size
        self.test_size = test_size
        datamodule = DataModule(dataset=dataset, batch_size=self.batch_size)
        trainer = pl.Trainer(**self.trainer_kwargs)
        trainer.fit(self, datamodule=datamodule)
        return self
# === diagnostics
placed val_size at Model/fit/stmt:1
