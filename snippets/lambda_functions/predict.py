"""Predict the output: lambda traps (each section runs alone, fresh globals)."""

# --8<-- [start:late_binding_loop]
callbacks = [lambda: i for i in range(3)]  # noqa: B023
print([callback() for callback in callbacks])

bound = [lambda i=i: i for i in range(3)]
print([callback() for callback in bound])
# --8<-- [end:late_binding_loop]


# --8<-- [start:stable_sort]
words = ["pear", "fig", "apple", "kiwi", "plum"]
print(sorted(words, key=lambda word: len(word)))
print(sorted(words, key=lambda word: len(word), reverse=True))
# --8<-- [end:stable_sort]


# --8<-- [start:lambda_precedence]
pair = lambda x: x, 2
print(type(pair).__name__, len(pair))
print(pair[0](10), pair[1])

double = lambda x: (x, 2)
print(double(10))
# --8<-- [end:lambda_precedence]


# --8<-- [start:default_evaluated_once]
collect = lambda item, bucket=[]: bucket.append(item) or bucket
print(collect("a"))
print(collect("b"))
print(collect("c", []))
print(collect.__name__)
# --8<-- [end:default_evaluated_once]
