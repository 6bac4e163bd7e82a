# case: the statement is already in the old epoch loop: nothing changes
# === new
import flor
import torchbearer as tb


class Trial:
    def run(self, epochs=1):
        state = self.make_state(epochs)
        state[tb.CALLBACK_LIST].on_start(state)
        for state[tb.EPOCH] in range(len(state[tb.HISTORY]), state[tb.MAX_EPOCHS]):
            state[tb.CALLBACK_LIST].on_start_epoch(state)
            flor.log("epoch", state[tb.EPOCH])
            final_metrics = self._fit_pass(state)[tb.METRICS]
            if state[tb.STOP_TRAINING]:
                break
            final_metrics.update(self._validation_pass(state))
            state[tb.CALLBACK_LIST].on_end_epoch(state)
        state[tb.CALLBACK_LIST].on_end(state)
        return state[tb.HISTORY]

    def _fit_pass(self, state):
        state[tb.MODEL].train()
        state[tb.CALLBACK_LIST].on_start_training(state)
        for state[tb.BATCH] in range(state[tb.TRAIN_STEPS]):
            state[tb.CALLBACK_LIST].on_sample(state)
            state[tb.OPTIMIZER].zero_grad()
            state[tb.Y_PRED] = state[tb.MODEL](state[tb.X], state=state)
            state[tb.LOSS] = state[tb.CRITERION](state[tb.Y_PRED], state[tb.Y_TRUE])
            state[tb.LOSS].backward()
            state[tb.OPTIMIZER].step()
            state[tb.CALLBACK_LIST].on_step_training(state)
        state[tb.CALLBACK_LIST].on_end_training(state)
        return state

    def _validation_pass(self, state):
        state[tb.MODEL].eval()
        return self._test_pass(state)
# === old
import flor


import torchbearer as tb


class Model:
    def fit_generator(self, generator, epochs=1, callbacks=[], validation_generator=None):
        state = {tb.MODEL: self._model, tb.EPOCH: 0, tb.STOP_TRAINING: False}
        _callbacks = CallbackList(callbacks)
        _callbacks.on_start(state)
        for state[tb.EPOCH] in range(0, epochs):
            _callbacks.on_start_epoch(state)
            flor.log("epoch", state[tb.EPOCH])
            self._model.train()
            _callbacks.on_start_training(state)
            for state[tb.BATCH], (x, y) in enumerate(generator):
                state[tb.X], state[tb.Y_TRUE] = x, y
                _callbacks.on_sample(state)
                self._optimizer.zero_grad()
                state[tb.Y_PRED] = self._model(x)
                state[tb.LOSS] = self._criterion(state[tb.Y_PRED], y)
                state[tb.LOSS].backward()
                self._optimizer.step()
                _callbacks.on_step_training(state)
            _callbacks.on_end_training(state)
            if state[tb.STOP_TRAINING]:
                break
            if validation_generator is not None:
                self._model.eval()
                _callbacks.on_start_validation(state)
                with torch.no_grad():
                    for state[tb.BATCH], (x, y) in enumerate(validation_generator):
                        state[tb.X], state[tb.Y_TRUE] = x, y
                        state[tb.Y_PRED] = self._model(x)
                        state[tb.LOSS] = self._criterion(state[tb.Y_PRED], y)
                        _callbacks.on_step_validation(state)
                _callbacks.on_end_validation(state)
            _callbacks.on_end_epoch(state)
        _callbacks.on_end(state)
        return state
# === expected
<unchanged>
# === diagnostics
present epoch
