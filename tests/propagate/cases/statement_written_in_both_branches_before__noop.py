# case: the old version already logs the metric after its `if`/`else`: nothing changes
# === new
import flor


class BaseModel:
    def fit(self, loader, verbose=1):
        train_result = {}
        for x, y in loader:
            y_pred = self(x).squeeze()
            loss = self.loss_func(y_pred, y.squeeze())
            loss.backward()
            self.optim.step()
            if verbose > 0:
                for name, metric_fun in self.metrics.items():
                    if name not in train_result:
                        train_result[name] = []
                    y_true_metric, y_pred_metric = self._prepare_metric_inputs(
                        y.cpu().data.numpy(), y_pred.cpu().data.numpy().astype("float64"))
                    train_result[name].append(metric_fun(y_true_metric, y_pred_metric))
                    flor.log("train_metric", train_result[name][-1])
        return train_result
# === old
import flor


class BaseModel:
    def fit(self, loader, verbose=1, use_double=False):
        train_result = {}
        for x, y in loader:
            y_pred = self(x).squeeze()
            loss = self.loss_func(y_pred, y.squeeze())
            loss.backward()
            self.optim.step()
            if verbose > 0:
                for name, metric_fun in self.metrics.items():
                    if name not in train_result:
                        train_result[name] = []
                    if use_double:
                        train_result[name].append(metric_fun(
                            y.cpu().data.numpy(), y_pred.cpu().data.numpy().astype("float64")))
                    else:
                        train_result[name].append(metric_fun(
                            y.cpu().data.numpy(), y_pred.cpu().data.numpy()))
                    flor.log("train_metric", train_result[name][-1])
        return train_result
# === expected
<unchanged>
# === diagnostics
present train_metric
