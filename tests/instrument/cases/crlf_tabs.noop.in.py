# crlf line endings, tabs, calls long enough to wrap, no final newline
import florc as flor

acc, seen_steps_so_far, another_long_name, yet_another_long_name = [], 0, 0, 0
for epoch_number_with_a_long_name in range(2):
	for step in range(3):
		acc.append(step)
		seen_steps_so_far += 1
		another_long_name += step
		yet_another_long_name = acc
		# a comment
	flor.log("n", len(acc))
print(seen_steps_so_far, another_long_name, yet_another_long_name)