# case: Propagating twice changes nothing: the old helper's loop already logs the round
# === new
import flor


def train(params, dtrain, num_boost_round=10, evals=(), callbacks=None, verbose_eval=True,
          early_stopping_rounds=None, maximize=False, evals_result=None):
    callbacks = [] if callbacks is None else copy.copy(list(callbacks))
    if verbose_eval:
        callbacks.append(EvaluationMonitor(period=verbose_eval))
    if early_stopping_rounds:
        callbacks.append(EarlyStopping(rounds=early_stopping_rounds, maximize=maximize))
    bst = Booster(params, [dtrain] + [d[0] for d in evals])
    cb_container = CallbackContainer(callbacks)
    start_iteration = 0
    bst = cb_container.before_training(bst)
    for i in range(start_iteration, num_boost_round):
        flor.log("round", i)
        if cb_container.before_iteration(bst, i, dtrain, evals):
            break
        bst.update(dtrain, iteration=i)
        if cb_container.after_iteration(bst, i, dtrain, evals):
            break
    bst = cb_container.after_training(bst)
    if evals_result is not None:
        evals_result.update(cb_container.history)
    return bst


def cv(params, dtrain, num_boost_round=10, nfold=3, callbacks=None):
    results = {}
    cvfolds = mknfold(dtrain, nfold, params)
    callbacks_container = CallbackContainer(callbacks, is_cv=True)
    booster = PackedBooster(cvfolds)
    for i in range(num_boost_round):
        if callbacks_container.before_iteration(booster, i, dtrain, None):
            break
        booster.update(i)
        should_break = callbacks_container.after_iteration(booster, i, dtrain, None)
        for key, mean, std in callbacks_container.aggregated_cv:
            results.setdefault(key + "-mean", []).append(mean)
        if should_break:
            break
    return results
# === old
import flor


def _train_internal(params, dtrain, num_boost_round=10, evals=(), callbacks=None):
    bst = Booster(params, [dtrain] + [d[0] for d in evals])
    version = bst.load_rabit_checkpoint()
    start_iteration = int(version / 2)
    callbacks_before_iter = [cb for cb in callbacks if cb.before_iteration]
    callbacks_after_iter = [cb for cb in callbacks if not cb.before_iteration]
    for i in range(start_iteration, num_boost_round):
        flor.log("round", i)
        for cb in callbacks_before_iter:
            cb(CallbackEnv(model=bst, cvfolds=None, iteration=i))
        if version % 2 == 0:
            bst.update(dtrain, i)
            bst.save_rabit_checkpoint()
            version += 1
        for cb in callbacks_after_iter:
            cb(CallbackEnv(model=bst, cvfolds=None, iteration=i))
    return bst


def train(params, dtrain, num_boost_round=10, evals=(), callbacks=None, verbose_eval=True,
          early_stopping_rounds=None, maximize=False, evals_result=None):
    callbacks = [] if callbacks is None else callbacks
    if isinstance(verbose_eval, bool) and verbose_eval:
        callbacks.append(callback.print_evaluation())
    if early_stopping_rounds is not None:
        callbacks.append(callback.early_stop(early_stopping_rounds, maximize=maximize))
    if evals_result is not None:
        callbacks.append(callback.record_evaluation(evals_result))
    return _train_internal(params, dtrain, num_boost_round=num_boost_round, evals=evals, callbacks=callbacks)


def cv(params, dtrain, num_boost_round=10, nfold=3, callbacks=None):
    results = {}
    cvfolds = mknfold(dtrain, nfold, params)
    callbacks_before_iter = [cb for cb in callbacks if cb.before_iteration]
    callbacks_after_iter = [cb for cb in callbacks if not cb.before_iteration]
    for i in range(num_boost_round):
        for cb in callbacks_before_iter:
            cb(CallbackEnv(model=None, cvfolds=cvfolds, iteration=i))
        for fold in cvfolds:
            fold.update(i)
        res = aggcv([f.eval(i) for f in cvfolds])
        for key, mean, std in res:
            results.setdefault(key + "-mean", []).append(mean)
        for cb in callbacks_after_iter:
            cb(CallbackEnv(model=None, cvfolds=cvfolds, iteration=i))
    return results
# === expected
<unchanged>
# === diagnostics
present round
