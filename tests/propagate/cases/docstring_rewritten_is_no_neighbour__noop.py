# case: The same site already placed: nothing to do.
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
# === expected
<unchanged>
# === diagnostics
present val_size
