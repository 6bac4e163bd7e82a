from florc.runtime import blocks as florc_blocks
import florc as flor


class Trainer:
    def fit(self, epochs):
        for epoch in flor.loop("epoch", range(epochs)):
            if florc_blocks.skip_iteration(
                "case.py::Trainer/fit/for:epoch", locals(), assigned=("self.steps",),
                mutated=("self.history", "self.opt"), maybe=("self",),
                iterated=("self.loader",),
            ):
                continue
            if not florc_blocks.skip(
                "case.py::Trainer/fit/for:epoch/for:batch", locals(), assigned=("self.steps",),
                mutated=("self.opt",), maybe=("self",), iterated=("self.loader",),
            ):
                for batch in self.loader:
                    self.opt.zero_grad()
                    self.model(batch).sum().backward()
                    self.opt.step()
                    self.steps += 1
            self.record()
        florc_blocks.after("case.py::Trainer/fit/for:epoch")

    def record(self):
        self.history.append(self.steps)
