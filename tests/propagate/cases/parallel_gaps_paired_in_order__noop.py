# case: Propagating twice changes nothing: the old loop already logs its standard deviation
# === new
import flor


def cv(params, train_set, num_boost_round=100):
    results = collections.defaultdict(list)
    cvfolds = make_n_folds(train_set, params)
    for i in range(num_boost_round):
        cvfolds.update()
        res = agg_cv_result(cvfolds.eval_valid())
        for result in res:
            results[f"{result.dataset_name} {result.metric_name}-mean"].append(result.metric_value)
            results[f"{result.dataset_name} {result.metric_name}-stdv"].append(result.metric_std_dev)
            flor.log("cv_stdv", result.metric_std_dev)
    return dict(results)
# === old
import flor


def cv(params, train_set, num_boost_round=100):
    results = collections.defaultdict(list)
    cvfolds = make_n_folds(train_set, params)
    for i in range(num_boost_round):
        cvfolds.update()
        res = agg_cv_result(cvfolds.eval_valid())
        for _, key, mean, _, std in res:
            results[key + '-mean'].append(mean)
            results[key + '-stdv'].append(std)
            flor.log("cv_stdv", std)
    return dict(results)
# === expected
<unchanged>
# === diagnostics
present cv_stdv
