from florc.runtime import blocks as florc_blocks
import florc as flor


class Trainer:
    def fit(self, epochs):
        for epoch in flor.loop("epoch", range(epochs)):
            florc_blocks.iteration(
                "case.py::Trainer/fit/for:epoch", locals(), assigned=("self.steps",),
                scratch=("batch", "epoch"), mutated=("self.history", "self.opt"), maybe=("self",),
                iterated=("self.loader",), grads=True,
            )
            for batch in self.loader:
                self.opt.zero_grad()
                self.model(batch).sum().backward()
                self.opt.step()
                self.steps += 1
            florc_blocks.end(
                "case.py::Trainer/fit/for:epoch/for:batch", locals(), assigned=("self.steps",),
                scratch=("batch",), mutated=("self.opt",), maybe=("self",),
                iterated=("self.loader",), grads=True,
            )
            self.record()
        florc_blocks.end(
            "case.py::Trainer/fit/for:epoch", locals(), assigned=("self.steps",),
            scratch=("batch", "epoch"), mutated=("self.history", "self.opt"), maybe=("self",),
            iterated=("self.loader",), grads=True,
        )

    def record(self):
        self.history.append(self.steps)
