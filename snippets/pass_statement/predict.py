"""The programs of the predictions on docs/questions/pass-statement.md."""


# --8<-- [start:pass_is_not_return]
def greet():
    pass
    return "still running"


print(greet())
# --8<-- [end:pass_is_not_return]


# --8<-- [start:pass_is_not_continue]
for n in range(4):
    if n % 2:
        pass
    print(n, end=" ")
print()
# --8<-- [end:pass_is_not_continue]


# --8<-- [start:stub_fails_far_away]
class UserRepository:
    def find(self, user_id):
        pass  # TODO


user = UserRepository().find(42)
try:
    print(user.email)
except AttributeError as error:
    print("AttributeError:", error)
# --8<-- [end:stub_fails_far_away]


# --8<-- [start:swallowed_bug]
def port(text):
    try:
        return int(text)
    except Exception:
        pass
    return 8000


print(port("8080"), port("80a"), port(None))
# --8<-- [end:swallowed_bug]
