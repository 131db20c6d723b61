"""Rate-limit budgets (logins, panic, public lookups) shared by every API node through Redis."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from safecity.config import ConfigError
from safecity.config import load_settings
from safecity.config.platform import ApiNodeSettings
from safecity.core.ratelimit import RateLimiter
from safecity.core.ratelimit import node_rate_limiter
from tests.cluster.api_nodes import REDIS_URL
from tests.cluster.api_nodes import free_port
from tests.cluster.api_nodes import require_redis


def _two_nodes(rate: str, nodes: ApiNodeSettings) -> tuple[RateLimiter, RateLimiter]:
    """The same limiter as two API nodes build it from the same settings."""
    return node_rate_limiter(rate, nodes), node_rate_limiter(rate, nodes)


def test_two_nodes_with_redis_count_against_one_budget() -> None:
    require_redis()
    settings = ApiNodeSettings(redis_url=REDIS_URL, redis_key_prefix=f"t{uuid.uuid4().hex[:10]}")
    node_a, node_b = _two_nodes("3/minute", settings)
    assert node_a.shared
    assert node_b.shared
    hits = [node_a.hit("login:user:ali"), node_b.hit("login:user:ali"), node_a.hit("login:user:ali")]
    assert hits == [True, True, True]
    assert not node_b.hit("login:user:ali")
    assert node_a.retry_after("login:user:ali") >= 1
    assert node_b.hit("login:user:sara")  # another key has its own budget


def test_deployments_sharing_one_redis_keep_apart_by_prefix() -> None:
    require_redis()
    lahore = node_rate_limiter(
        "1/minute", ApiNodeSettings(redis_url=REDIS_URL, redis_key_prefix=f"l{uuid.uuid4().hex[:8]}")
    )
    karachi = node_rate_limiter(
        "1/minute", ApiNodeSettings(redis_url=REDIS_URL, redis_key_prefix=f"k{uuid.uuid4().hex[:8]}")
    )
    assert lahore.hit("login:addr:10.0.0.1")
    assert karachi.hit("login:addr:10.0.0.1")


def test_without_redis_each_node_counts_alone() -> None:
    node_a, node_b = _two_nodes("1/minute", ApiNodeSettings())
    assert not node_a.shared
    assert node_a.hit("panic:device:d1")
    assert node_b.hit("panic:device:d1")
    assert not node_a.hit("panic:device:d1")


def test_an_unreachable_redis_falls_back_to_this_nodes_memory() -> None:
    down = ApiNodeSettings(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    limiter = node_rate_limiter("2/minute", down)
    # no exception reaches the route: the budget still holds, per node, while Redis is away
    assert [limiter.hit("login:user:ali") for _ in range(3)] == [True, True, False]
    assert limiter.retry_after("login:user:ali") >= 1


def test_a_redis_url_of_another_kind_is_refused_naming_the_setting(tmp_path: Path) -> None:
    config = tmp_path / "safecity.yaml"
    config.write_text(f"data_dir: {tmp_path}\napi_nodes: {{redis_url: 'http://cache:6379'}}\n")
    with pytest.raises(ConfigError, match=r"api_nodes\.redis_url: .*not a Redis URL"):
        load_settings(config)
