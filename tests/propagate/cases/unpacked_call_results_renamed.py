# case: x_batch, y_batch, sample_weight = unpack_x_y_sample_weight(batch) before, inputs, labels, _ = data.unpack_x_y_sample_weight(batch) today: one unpacking, its names renamed
# === new
import flor
from elegy import data


class Model:
    def fit(self, data_handler, callbacks):
        for epoch, iterator in data_handler.enumerate_epochs():
            for step in data_handler.steps():
                callbacks.on_train_batch_begin(step)
                batch = next(iterator)
                inputs, labels, _ = data.unpack_x_y_sample_weight(batch)
                flor.log("batch_labels", labels)
                if self.drop_remaining and len(batch) < data_handler.batch_size:
                    continue
                logs = self.train_on_batch(inputs=inputs, labels=labels)
                callbacks.on_train_batch_end(step, logs)
# === old
from elegy.data import unpack_x_y_sample_weight


class Model:
    def fit(self, data_handler, callbacks):
        for epoch, iterator in data_handler.enumerate_epochs():
            for step in data_handler.steps():
                callbacks.on_train_batch_begin(step)
                batch = next(iterator)
                x_batch, y_batch, sample_weight = unpack_x_y_sample_weight(batch)

                logs = self.train_on_batch(x=x_batch, y=y_batch, sample_weight=sample_weight)
                callbacks.on_train_batch_end(step, logs)
# === expected
import flor
from elegy.data import unpack_x_y_sample_weight


class Model:
    def fit(self, data_handler, callbacks):
        for epoch, iterator in data_handler.enumerate_epochs():
            for step in data_handler.steps():
                callbacks.on_train_batch_begin(step)
                batch = next(iterator)
                x_batch, y_batch, sample_weight = unpack_x_y_sample_weight(batch)
                flor.log("batch_labels", y_batch)

                logs = self.train_on_batch(x=x_batch, y=y_batch, sample_weight=sample_weight)
                callbacks.on_train_batch_end(step, logs)
# === diagnostics
placed batch_labels at Model/fit/for:(epoch,iterator)/for:step/stmt:3 renames labels->y_batch
