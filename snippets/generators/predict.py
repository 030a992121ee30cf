"""Predict the output: the generator traps an interviewer asks about."""


# --8<-- [start:body_runs_late]
def numbers():
    print("start")
    yield 1
    print("end")


gen = numbers()
print("created")
print(next(gen))
print(list(gen))
# --8<-- [end:body_runs_late]


# --8<-- [start:single_pass]
squares = (n * n for n in range(5))
print(sum(squares))
print(sum(squares))

digits = (n for n in range(10))
print(5 in digits)
print(list(digits))
# --8<-- [end:single_pass]


# --8<-- [start:late_binding]
data = [1, 2, 3]
allowed = {1, 2, 3}
gen = (n for n in data if n in allowed)
data = [10, 20]
allowed = {2}
print(list(gen))
# --8<-- [end:late_binding]


# --8<-- [start:return_value]
def job():
    yield "working"
    return "result"


def supervisor():
    outcome = yield from job()
    yield outcome


print(list(job()))
print(list(supervisor()))
# --8<-- [end:return_value]
