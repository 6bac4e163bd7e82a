# crlf line endings, tabs, calls long enough to wrap, no final newline
from florc.runtime import blocks as florc_blocks
import florc as flor

acc, seen_steps_so_far, another_long_name, yet_another_long_name = [], 0, 0, 0
for epoch_number_with_a_long_name in flor.loop("epoch", range(2)):
	if florc_blocks.skip_iteration(
	    "case.py::for:epoch_number_with_a_long_name", locals(),
	    assigned=("another_long_name", "seen_steps_so_far", "yet_another_long_name"),
	    mutated=("acc",),
	):
		continue
	if florc_blocks.resumed("case.py::for:epoch_number_with_a_long_name"):
		another_long_name, seen_steps_so_far, yet_another_long_name = florc_blocks.restored("case.py::for:epoch_number_with_a_long_name")
	if florc_blocks.skip(
	    "case.py::for:epoch_number_with_a_long_name/for:step", locals(),
	    assigned=("another_long_name", "seen_steps_so_far", "yet_another_long_name"),
	    mutated=("acc",),
	):
		another_long_name, seen_steps_so_far, yet_another_long_name = florc_blocks.restored("case.py::for:epoch_number_with_a_long_name/for:step")
	else:
		for step in range(3):
			acc.append(step)
			seen_steps_so_far += 1
			another_long_name += step
			yet_another_long_name = acc
			# a comment
	flor.log("n", len(acc))
florc_blocks.after("case.py::for:epoch_number_with_a_long_name")
print(seen_steps_so_far, another_long_name, yet_another_long_name)