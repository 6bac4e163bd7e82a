# case: Between two matched neighbours, today's `for result in evaluation_result_list:` and an `if` face the old `for dataset_name, eval_name, score, _ in evaluation_result_list:` alone: the only loop on each side is its counterpart, so the statement after the loop goes after the old loop
# === new
import flor


def train(params, train_set, num_boost_round=100, keep_training_booster=False):
    booster = Booster(params=params, train_set=train_set)
    for i in range(num_boost_round):
        evaluation_result_list = booster.update()
    booster.best_score = defaultdict(OrderedDict)
    for result in evaluation_result_list:
        booster.best_score[result.dataset_name][result.metric_name] = result.metric_value
    flor.log("best_score", booster.best_score)
    if not keep_training_booster:
        booster.free_dataset()
    return booster
# === old
def train(params, train_set, num_boost_round=100):
    booster = Booster(params=params, train_set=train_set)
    for i in range(num_boost_round):
        evaluation_result_list = booster.update()
    booster.best_score = collections.defaultdict(dict)
    for dataset_name, eval_name, score, _ in evaluation_result_list:
        booster.best_score[dataset_name][eval_name] = score
    return booster
# === expected
import flor
def train(params, train_set, num_boost_round=100):
    booster = Booster(params=params, train_set=train_set)
    for i in range(num_boost_round):
        evaluation_result_list = booster.update()
    booster.best_score = collections.defaultdict(dict)
    for dataset_name, eval_name, score, _ in evaluation_result_list:
        booster.best_score[dataset_name][eval_name] = score
    flor.log("best_score", booster.best_score)
    return booster
# === diagnostics
placed best_score at train/stmt:4
