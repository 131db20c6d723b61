from pydantic import BaseModel
from pydantic import ValidationError
from pydantic import field_validator
from pydantic import model_validator

from safecity.core import validation_messages


class Inner(BaseModel):
    size: int


class Outer(BaseModel):
    name: str
    inner: Inner

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @model_validator(mode="after")
    def _small(self) -> "Outer":
        if self.inner.size > 9:
            raise ValueError("too big")
        return self


def _error(data: object) -> ValidationError:
    try:
        Outer.model_validate(data)
    except ValidationError as error:
        return error
    raise AssertionError("valid")


def test_each_problem_is_its_dotted_path_and_message_never_the_value() -> None:
    error = _error({"name": " secret ", "inner": {"size": "lots"}})
    assert validation_messages.problems(error) == (
        "inner.size: Input should be a valid integer, unable to parse string as an integer"
    )
    error = _error({"name": " ", "inner": {"size": 1}})
    assert validation_messages.problems(error) == "name: Value error, must not be blank"
    assert validation_messages.problems(error, own_text=True) == "name: must not be blank"


def test_a_prefix_places_the_item_and_root_names_a_whole_model_problem() -> None:
    error = _error({"name": "a", "inner": {"size": 10}})
    assert validation_messages.problems(error, root="(top level)") == "(top level): Value error, too big"
    assert validation_messages.problems(error, prefix="cameras[2].") == "cameras[2].: Value error, too big"
    assert validation_messages.field_path(("cameras", 0, "name")) == "cameras.0.name"
