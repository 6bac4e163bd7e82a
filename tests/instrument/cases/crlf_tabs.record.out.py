# crlf line endings, tabs, calls long enough to wrap, no final newline
from florc.runtime import blocks as florc_blocks
import florc as flor

acc, seen_steps_so_far, another_long_name, yet_another_long_name = [], 0, 0, 0
for epoch_number_with_a_long_name in flor.loop("epoch", range(2)):
	florc_blocks.iteration(
	    "case.py::for:epoch_number_with_a_long_name", locals(),
	    assigned=("another_long_name", "seen_steps_so_far", "yet_another_long_name"),
	    scratch=("epoch_number_with_a_long_name", "step"), mutated=("acc",),
	)
	for step in range(3):
		acc.append(step)
		seen_steps_so_far += 1
		another_long_name += step
		yet_another_long_name = acc
		# a comment
	florc_blocks.end(
	    "case.py::for:epoch_number_with_a_long_name/for:step", locals(),
	    assigned=("another_long_name", "seen_steps_so_far", "yet_another_long_name"),
	    scratch=("step",), mutated=("acc",),
	)
	flor.log("n", len(acc))
florc_blocks.end(
    "case.py::for:epoch_number_with_a_long_name", locals(),
    assigned=("another_long_name", "seen_steps_so_far", "yet_another_long_name"),
    scratch=("epoch_number_with_a_long_name", "step"), mutated=("acc",),
)
print(seen_steps_so_far, another_long_name, yet_another_long_name)