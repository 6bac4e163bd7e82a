# case: a trainer method new today stands for the old training function though one of its lines came from an old helper (model.eval() of the old evaluation function)
# === new
import torch

import flor


class Trainer:
    def __init__(self, model, training_args, train_dataset, eval_dataset):
        self.model = model
        self.training_args = training_args
        self.train_dataset = train_dataset
        self.eval_dataset = eval_dataset
        self._global_step = 0

    def train(self):
        args = self.training_args
        model = self.model
        self._print_training_args(args)
        self._set_up_logging(args)
        self._check_output_dir(args.output_dir)
        self._hooks.register_train_begin(args.train_begin_hook)
        self._hooks.register_train_end(args.train_end_hook)
        self._hooks.register_epoch_begin(args.epoch_begin_hook)
        self._hooks.register_epoch_end(args.epoch_end_hook)
        self._hooks.register_step_begin(args.step_begin_hook)
        self._hooks.register_step_end(args.step_end_hook)
        self._hooks.register_eval_begin(args.eval_begin_hook)
        self._hooks.register_eval_end(args.eval_end_hook)
        self._hooks.register_save_begin(args.save_begin_hook)
        self._hooks.register_save_end(args.save_end_hook)
        self._hooks.register_log_begin(args.log_begin_hook)
        self._hooks.register_log_end(args.log_end_hook)
        self._hooks.register_wandb(args.wandb_hook)
        self._hooks.register_tensorboard(args.tensorboard_hook)
        self._hooks.register_checkpoint(args.checkpoint_hook)
        self._hooks.register_early_stop(args.early_stop_hook)
        self._hooks.register_profiler(args.profiler_hook)
        self._hooks.register_sampler(args.sampler_hook)
        self._hooks.register_collator(args.collator_hook)
        self._hooks.register_tokenizer(args.tokenizer_hook)
        optimizer = torch.optim.AdamW(model.parameters(), lr=args.learning_rate)
        scheduler = self._make_scheduler(optimizer, args)
        train_dataloader = make_dataloader(self.train_dataset, args.per_device_train_batch_size)
        eval_dataloader = make_dataloader(self.eval_dataset, args.per_device_eval_batch_size)
        self._total_loss = 0.0
        self._current_loss = 0.0
        self._last_log_step = 0
        for epoch in range(args.num_epochs):
            model.train()
            flor.log("epoch", epoch)
            for step, (input_ids, labels) in enumerate(train_dataloader):
                loss = torch.nn.functional.cross_entropy(model(input_ids), labels)
                self._total_loss += loss.item()
                self._current_loss += loss.item()
                loss.backward()
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()
                self._global_step += 1
                if self._global_step % args.logging_interval_step == 0:
                    self._log({"train/loss": self._current_loss})
                    self._current_loss = 0.0
            model.eval()
            eval_score = self.evaluate(eval_dataloader)
            print(f"Eval accuracy: {eval_score * 100:.2f}%")
            self._save_checkpoint(args.output_dir, epoch)
        self._write_readme(args)
        return model

    def evaluate(self, eval_dataloader):
        correct = 0
        with torch.no_grad():
            for input_ids, labels in eval_dataloader:
                correct += (self.model(input_ids).argmax(dim=-1) == labels).sum().item()
        return correct / len(eval_dataloader.dataset)
# === old
import torch


def _get_eval_score(model, eval_dataloader):
    model.eval()
    correct = 0
    with torch.no_grad():
        for input_ids, labels in eval_dataloader:
            correct += (model(input_ids).argmax(dim=-1) == labels).sum().item()
    return correct / len(eval_dataloader.dataset)


def train_model(args):
    model = load_model(args.model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.learning_rate)
    train_dataloader = make_dataloader(args.dataset, args.batch_size)
    eval_dataloader = make_dataloader(args.eval_dataset, args.batch_size)
    global_step = 0
    for epoch in range(args.num_train_epochs):
        model.train()
        for step, (input_ids, labels) in enumerate(train_dataloader):
            loss = torch.nn.functional.cross_entropy(model(input_ids), labels)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            global_step += 1
        eval_score = _get_eval_score(model, eval_dataloader)
        print(f"Eval accuracy: {eval_score * 100:.2f}%")
    return model
# === expected
import flor
import torch


def _get_eval_score(model, eval_dataloader):
    model.eval()
    correct = 0
    with torch.no_grad():
        for input_ids, labels in eval_dataloader:
            correct += (model(input_ids).argmax(dim=-1) == labels).sum().item()
    return correct / len(eval_dataloader.dataset)


def train_model(args):
    model = load_model(args.model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.learning_rate)
    train_dataloader = make_dataloader(args.dataset, args.batch_size)
    eval_dataloader = make_dataloader(args.eval_dataset, args.batch_size)
    global_step = 0
    for epoch in range(args.num_train_epochs):
        model.train()
        flor.log("epoch", epoch)
        for step, (input_ids, labels) in enumerate(train_dataloader):
            loss = torch.nn.functional.cross_entropy(model(input_ids), labels)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            global_step += 1
        eval_score = _get_eval_score(model, eval_dataloader)
        print(f"Eval accuracy: {eval_score * 100:.2f}%")
    return model
# === diagnostics
placed epoch at train_model/for:epoch/stmt:1
