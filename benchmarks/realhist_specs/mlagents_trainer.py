# mlagents mlagents/trainers/trainer_controller.py (TrainerController.start_learning / advance), PyPI 0.4.0 .. 1.1.0 (v00 .. v11).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mlagents_trainer" / "versions.json").read_text())
OLDER = range(11)
# v00 0.4.0 (unitytrainers/, one env step loop inside `with tf.Session()` in start_learning, env.curriculum)
# v01 0.5.0 (meta_curriculum, lessons_incremented branch), v02 0.6.0 (no tf.Session block)
# v03 0.8.0 (loop body moved to take_step), v04 0.9.0 (EnvManager, start_learning + advance, n_steps)
# v05 0.13.0 (trainers created lazily inside start_learning, AgentManager)
# v06 0.14.0 (_create_trainer_and_manager, trainer.advance()), v07 0.16.0 (threaded trainers, join_threads)
# v08 0.17.0 (no periodic save), v09 0.18.0 (EnvironmentParameterManager, per-parameter lessons)
# v10 0.19.0 (_register_new_behaviors, _save_models), v11 1.1.0
_SAVE = {"within": "def _save_model(self"}
CASE = {
    "name": "mlagents_trainer",
    "title": "Unity ML-Agents TrainerController across 0.4.0 .. 1.1.0 (one monolithic env-step loop in "
             "start_learning -> take_step -> start_learning/advance with an EnvManager; trainers built up front "
             "-> lazily per behavior id; meta-curriculum -> EnvironmentParameterManager; threaded trainers)",
    "stories": _V,
    "probes": {
        "n_steps": {
            "text": 'flor.log("n_steps", n_steps)',
            "intent": "number of environment steps taken by each advance() of the controller",
            "newest": ("after", "n_steps = self.advance(env_manager)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.9 the controller steps the environment once per loop iteration (inline in "
                      "start_learning, then take_step returning new_info); no step count is returned or bound",
                      {"scope": "start_learning"})) for v in range(4)] +
                [(v, ("after", "n_steps = self.advance(env_manager)")) for v in range(4, 11)]),
        },
        "trainer_step": {
            "text": 'flor.log("trainer_step", trainer.get_step)',
            "intent": "each trainer's step count right after the controller advanced it (every trainer, every advance)",
            "newest": ("after", "if not trainer.threaded:"),
            "versions": dict(
                [(0, ("after", "if self.train_model and trainer.get_step <= trainer.get_max_steps:", {
                    "note": "0.4: the per-trainer loop after env.step in start_learning does what trainer.advance() "
                            "does later (add/process experiences, update, summary, step increment): after the last "
                            "statement of that loop body, the step-increment `if`"}))] +
                [(v, ("after", "if self.train_model \\", {
                    "note": "per-trainer loop after env.step (start_learning in 0.5/0.6, take_step in 0.8): after "
                            "the whole step-increment `if`, its last statement"})) for v in (1, 2, 3)] +
                [(4, ("after", "if self.train_model and trainer.get_step <= trainer.get_max_steps:", {
                    "note": "0.9 advance(): second per-trainer loop (increment step + update policy), after its "
                            "last statement, the whole `if`"}))] +
                [(5, ("after", "if self.train_model and trainer.get_step <= trainer.get_max_steps:", {
                    "note": "0.13 advance(): the if/else (update policy, else trainer.advance()) is the image of "
                            "the newest `if not trainer.threaded:` block: after the whole if/else"}))] +
                [(6, ("after", "trainer.advance()", {
                    "note": "0.14: `for trainer in ...: trainer.advance()` inside `with hierarchical_timer(...)`; "
                            "after trainer.advance() in the loop"}))] +
                [(v, ("after", "if not trainer.threaded:")) for v in range(7, 11)]),
        },
        "lesson_number": {
            "text": 'flor.log("lesson_number", lesson_number)',
            "intent": "curriculum lesson number, each time it is reported to a trainer's stats",
            "newest": ("after", "trainer.stats_reporter.set_stat("),
            "versions": dict(
                [(0, ("after", "trainer.write_summary(", {
                    "renames": {"lesson_number": "self.env.curriculum.lesson_number"},
                    "note": "0.4 reports the lesson through trainer.write_summary(self.env.curriculum.lesson_number) "
                            "in the per-trainer loop (unconditional there): after it, reading the same expression. "
                            "Unsure: an expression rather than a name"}))] +
                [(v, ("after", "trainer.write_summary(", {
                    "n": 1, "of": 2,
                    "renames": {"lesson_number": "self.meta_curriculum.brains_to_curriculums[brain_name].lesson_num"},
                    "note": "the lesson is passed to trainer.write_summary(..., lesson_num=<expr>) in the "
                            "`if self.meta_curriculum is not None:` branch (per-trainer loop; write_to_tensorboard "
                            "in 0.9): after that call, reading the same expression. Unsure: n/a would also be "
                            "arguable since no variable holds the value"})) for v in (1, 2, 3, 4)] +
                [(5, ("after", 'trainer.stats_reporter.add_stat("Environment/Lesson", lesson_num)', {
                    "renames": {"lesson_number": "lesson_num"},
                    "note": "0.13 reports the lesson in write_to_tensorboard (per trainer, under the curriculum "
                            "condition) as local lesson_num"}))] +
                [(v, ("after", "self.trainers[brain_name].stats_reporter.set_stat(", {
                    "renames": {"lesson_number": "curr.lesson_num"},
                    "note": "per-brain curricula: `for brain_name, curr in ...brains_to_curricula.items(): if "
                            "brain_name in self.trainers:` set_stat(..., curr.lesson_num); after the set_stat "
                            "(before GlobalTrainingStatus in 0.17)"})) for v in (6, 7, 8)] +
                [(v, ("after", "trainer.stats_reporter.set_stat(")) for v in (9, 10)]),
        },
        "new_behaviors": {
            "text": 'flor.log("new_behaviors", sorted(new_behavior_ids))',
            "intent": "behavior ids seen for the first time, right after they are computed",
            "newest": ("after", "new_behavior_ids = step_behavior_ids - self.registered_behavior_ids"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.11 all trainers are built up front from the external brains; no set of new "
                      "behavior ids exists", {"scope": "start_learning"})) for v in range(5)] +
                [(v, ("after", "new_behavior_ids = external_brain_behavior_ids - last_brain_behavior_ids", {
                    "note": "before 0.19 the new ids are computed at the top of the start_learning loop "
                            "(moved to _register_new_behaviors later); same variable"})) for v in range(5, 10)] +
                [(10, ("after", "new_behavior_ids = step_behavior_ids - self.registered_behavior_ids"))]),
        },
        "reset_steps": {
            "text": 'flor.log("reset_steps", {k: t.get_step for k, t in self.trainers.items()})',
            "intent": "trainer steps whenever the controller resets the environment for a lesson change "
                      "(after the trainers' episodes were ended)",
            "newest": ("after", "self.end_trainer_episodes()"),
            "versions": dict(
                [(0, ("after", "for brain_name, trainer in self.trainers.items():", {
                    "within": "if self.env.global_done:",
                    "note": "0.4 applies lesson changes only at `if self.env.global_done:` (increment_lesson, "
                            "env.reset, end_episode loop): inside it, after the end_episode loop. Unsure: the "
                            "condition is the academy's done flag, the only reset the controller has"}))] +
                [(v, ("last_in", "if (self.meta_curriculum", {
                    "alt": [("after", "for brain_name, trainer in self.trainers.items():",
                             {"within": "if (self.meta_curriculum", "n": 1, "of": 2})],
                    "note": "0.5-0.8: the lesson-change branch `if (self.meta_curriculum and any(lessons_incremented"
                            "...))` inlines reset + end_episode loop + reward_buffer.clear loop (what "
                            "end_trainer_episodes does in 0.9-0.17); not the `elif global_done` branch (no "
                            "counterpart in the newest). After the whole inlined sequence; right after the "
                            "end_episode loop is also accepted (the clear does not touch the steps)"}))
                 for v in (1, 2, 3)] +
                [(v, ("after", "self.end_trainer_episodes(env, lessons_incremented)")) for v in range(4, 9)] +
                [(v, ("after", "self.end_trainer_episodes()")) for v in (9, 10)]),
        },
        "saved_step": {
            "text": 'flor.log("saved_step", self.trainers[brain_name].get_step)',
            "intent": "step of each trainer whose model was just saved",
            "newest": ("after", "self.trainers[brain_name].save_model()", {"within": "def _save_models"}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.4/0.5 save one TensorFlow session with saver.save(sess, ...); there is no per-trainer "
                      "save loop and brain_name is not bound in _save_model",
                      {"scope": "_save_model", "probe_site": ("after", "saver.save(sess, last_checkpoint)")}))
                 for v in (0, 1)] +
                [(v, ("after", "self.trainers[brain_name].save_model()", _SAVE)) for v in (2, 3, 4)] +
                [(v, ("after", "for name_behavior_id in self.brain_name_to_identifier[brain_name]:", dict(_SAVE, **{
                    "alt": [("after", "self.trainers[brain_name].save_model(name_behavior_id)")],
                    "note": "0.13-0.18 save each behavior id of a brain in an inner loop: after that inner loop "
                            "(once per brain, as in the newest); inside it after save_model(name_behavior_id) "
                            "also accepted"}))) for v in range(5, 10)] +
                [(10, ("after", "self.trainers[brain_name].save_model()", {"within": "def _save_models"}))]),
        },
        "final_steps": {
            "text": 'flor.log("final_steps", {k: t.get_step for k, t in self.trainers.items()})',
            "intent": "trainer steps once the training loop has finished (after the trainer threads are joined)",
            "newest": ("after", "self.join_threads()", {"n": 1, "of": 2}),
            "versions": dict(
                [(v, ("after", "while any([t.get_step <= t.get_max_steps", {
                    "note": "no trainer threads before 0.16: right after the training while loop, before the "
                            "final model save (which the newest does later, in `finally`)"})) for v in range(4)] +
                [(v, ("after", "while self._not_done_training():", {
                    "note": "no trainer threads before 0.16: right after the while loop, before the final save"}))
                 for v in (4, 5, 6)] +
                [(v, ("after", "self.join_threads()", {"n": 1, "of": 2})) for v in range(7, 11)]),
        },
        "new_trainer": {
            "text": 'flor.log("new_trainer", brain_name)',
            "intent": "name of each brain whose trainer was just created and registered",
            "newest": ("after", "self.trainers[brain_name] = trainer"),
            "versions": dict(
                [(v, ("after", "if trainer_parameters_dict[brain_name]", {
                    "note": "before 0.11 all trainers are built up front in (_)initialize_trainers by an "
                            "if/elif chain on the trainer type that assigns self.trainers[brain_name]: after the "
                            "whole chain, inside the per-brain loop (no 'already exists' condition there)"}))
                 for v in range(5)] +
                [(v, ("after", "self.trainers[brain_name] = trainer", {
                    "note": "inside `except KeyError:` (0.13 inline in start_learning, later in "
                            "_create_trainer_and_manager)"} if v < 10 else {})) for v in range(5, 11)]),
        },
        "env_config": {
            "text": 'flor.log("env_config", new_config)',
            "intent": "environment reset parameters sent with each reset",
            "newest": ("after", "new_config = self.param_manager.get_current_samplers()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.9 the reset passes self.meta_curriculum.get_config() inline (curriculum only, in "
                      "one branch; 0.4 has no controller-side config at all); no variable holds the config",
                      {"scope": "_reset_env"})) for v in range(4)] +
                [(v, ("after", "sampled_reset_param.update(new_meta_curriculum_config)", {
                    "renames": {"new_config": "sampled_reset_param"},
                    "note": "0.9-0.17 build the config from sampler values updated with the curriculum config; "
                            "after the update (the dict is complete), before env.reset"})) for v in range(4, 9)] +
                [(v, ("after", "new_config = self.param_manager.get_current_samplers()")) for v in (9, 10)]),
        },
    },
}
