# case: Today's `testing` is set False for predictions; the old `ignore_masking` is set True there: the two flags are opposites, not one renamed, and the value read does not exist in the old version
# === new
import flor


class Trainer:
    def prediction_step(self, model, inputs, testing=True):
        outputs = model(inputs, training=False, testing=testing)
        if testing:
            return outputs["loss"], outputs["predictions"]
        return None, outputs["predictions"]

    def evaluation_loop(self, dataloader, description):
        if description == "Prediction":
            testing = False
        else:
            testing = True
        flor.log("testing", testing)
        model = self.model
        model.eval()
        for step, inputs in enumerate(dataloader):
            loss, preds = self.prediction_step(model, inputs, testing=testing)
            self.collect(loss, preds)
# === old
class Trainer:
    def prediction_step(self, model, inputs, ignore_masking=False):
        outputs = model(inputs, training=False, ignore_masking=ignore_masking)
        return outputs["loss"], outputs["predictions"]

    def evaluation_loop(self, dataloader, description):
        if description == "Prediction":
            ignore_masking = True
        else:
            ignore_masking = False
        model = self.model
        model.eval()
        for step, inputs in enumerate(dataloader):
            loss, preds = self.prediction_step(model, inputs, ignore_masking=ignore_masking)
            self.collect(loss, preds)
# === expected
<declined>
# === diagnostics
declined testing: reads `testing`, which is not bound there in this version
