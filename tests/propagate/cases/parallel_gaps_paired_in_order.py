# case: Today's two `results[f"{...}-mean"].append(result.metric_value)` / `-stdv` lines face the old `results[key + '-mean'].append(mean)` / `-stdv` pair between the same neighbours: as many statements doing the same things in the same order pair by position, and `result.metric_std_dev` is the old `std`
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
def cv(params, train_set, num_boost_round=100):
    results = collections.defaultdict(list)
    cvfolds = make_n_folds(train_set, params)
    for i in range(num_boost_round):
        cvfolds.update()
        res = agg_cv_result(cvfolds.eval_valid())
        for _, key, mean, _, std in res:
            results[key + '-mean'].append(mean)
            results[key + '-stdv'].append(std)
    return dict(results)
# === expected
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
# === diagnostics
placed cv_stdv at cv/for:i/for:(_,key,mean,_,std)/stmt:2 renames result.metric_std_dev->std
