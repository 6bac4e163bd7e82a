# case: The statement already right after the device move: nothing changes
# === new
import flor


def train(model, criterion, optimizer, sampler, use_cuda):
    model.train()
    inputs, targets = sampler.get_batch()
    inputs = torch.Tensor(inputs)
    targets = torch.Tensor(targets)
    if use_cuda:
        inputs = inputs.to("cuda", non_blocking=True)
        targets = targets.to("cuda", non_blocking=True)
    flor.log("batch_on_gpu", inputs.is_cuda)
    predictions = model(inputs.transpose(1, 2))
    loss = criterion(predictions, targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
# === old
import flor


def train(model, criterion, optimizer, sampler, use_cuda):
    model.train()
    inputs, targets = sampler.get_batch()
    inputs = torch.Tensor(inputs)
    targets = torch.Tensor(targets)
    if use_cuda:
        inputs = inputs.cuda()
        targets = targets.cuda()
    flor.log("batch_on_gpu", inputs.is_cuda)
    inputs = Variable(inputs)
    targets = Variable(targets)
    predictions = model(inputs.transpose(1, 2))
    loss = criterion(predictions, targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.data[0]
# === expected
<unchanged>
# === diagnostics
present batch_on_gpu
