import hashlib

from safecity.core.auth import secret_tokens


def test_an_issued_token_is_stored_only_as_its_sha256_and_matches_only_itself() -> None:
    issued = secret_tokens.issue()
    assert issued.sha256 == hashlib.sha256(issued.token.encode()).hexdigest()
    assert issued.token not in issued.sha256
    assert secret_tokens.matches(issued.sha256, issued.token)
    assert not secret_tokens.matches(issued.sha256, issued.token + "x")
    assert secret_tokens.issue().token != issued.token
