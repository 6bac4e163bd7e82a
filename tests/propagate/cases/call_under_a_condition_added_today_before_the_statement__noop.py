# case: the old version already logs the evaluation return: nothing changes
# === new
import flor


class Runner:
    def _run_one_iteration(self, iteration):
        statistics = IterationStatistics()
        num_episodes_train, average_reward_train = self._run_train_phase(statistics)
        num_episodes_eval, average_reward_eval = self._run_eval_phase(statistics)
        if self._collector_dispatcher is not None:
            self._collector_dispatcher.write([
                StatisticsInstance("Eval/AverageReturns", average_reward_eval, iteration),
            ])
        if self._summary_writer is not None:
            self._save_tensorboard_summaries(
                iteration,
                num_episodes_train,
                average_reward_train,
                num_episodes_eval,
                average_reward_eval,
            )
        flor.log("eval_return", average_reward_eval)
        return statistics.data_lists


class TrainRunner(Runner):
    def _run_one_iteration(self, iteration):
        statistics = IterationStatistics()
        num_episodes_train, average_reward_train = self._run_train_phase(statistics)
        num_episodes_eval, average_reward_eval = 0, 0.0
        if self._collector_dispatcher is not None:
            self._collector_dispatcher.write([
                StatisticsInstance("Eval/AverageReturns", average_reward_eval, iteration),
            ])
        if self._summary_writer is not None:
            self._save_tensorboard_summaries(
                iteration,
                num_episodes_train,
                average_reward_train,
                num_episodes_eval,
                average_reward_eval,
            )
        return statistics.data_lists
# === old
import flor


class Runner:
    def _run_one_iteration(self, iteration):
        statistics = IterationStatistics()
        num_episodes_train, average_reward_train = self._run_train_phase(statistics)
        num_episodes_eval, average_reward_eval = self._run_eval_phase(statistics)
        self._save_tensorboard_summaries(iteration, num_episodes_train, average_reward_train,
                                         num_episodes_eval, average_reward_eval)
        flor.log("eval_return", average_reward_eval)
        return statistics.data_lists


class TrainRunner(Runner):
    def _run_one_iteration(self, iteration):
        statistics = IterationStatistics()
        num_episodes_train, average_reward_train = self._run_train_phase(statistics)
        num_episodes_eval, average_reward_eval = 0, 0.0
        self._save_tensorboard_summaries(iteration, num_episodes_train, average_reward_train,
                                         num_episodes_eval, average_reward_eval)
        return statistics.data_lists
# === expected
<unchanged>
# === diagnostics
present eval_return
