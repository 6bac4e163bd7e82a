# case: A site reads X.shape of the parameter X, which today is rebound by a split added under an early-stopping condition and by a check: the old version has neither, and its parameter X holds the value.
# === new
import flor
from sklearn.model_selection import train_test_split


class Booster:
    def fit(self, X, Y, X_val=None, Y_val=None):
        if self.early_stopping_rounds is not None:
            if X_val is None:
                X, X_val, Y, Y_val = train_test_split(X, Y, test_size=0.1)

        X, Y = check_X_y(X, Y)
        flor.log("n_train", X.shape[0])

        losses = []
        for itr in range(self.n_estimators):
            loss = self.step(X, Y)
            losses.append(loss)
        return self
# === old
class Booster:
    def fit(self, X, Y, X_val=None, Y_val=None):

        losses = []
        for itr in range(self.n_estimators):
            loss = self.step(X, Y)
            losses.append(loss)
        return self
# === expected
import flor
class Booster:
    def fit(self, X, Y, X_val=None, Y_val=None):
        flor.log("n_train", X.shape[0])

        losses = []
        for itr in range(self.n_estimators):
            loss = self.step(X, Y)
            losses.append(loss)
        return self
# === diagnostics
placed n_train at Booster/fit/stmt:0
