"""Work mapped over forked processes comes back whole and in order; errors cross whole."""

from __future__ import annotations

import os

import pytest

from pamphleteer.cores import WORKERS, map_forked, worker_count
from pamphleteer.errors import ContentError, UsageError


def test_workers_must_be_a_whole_number(monkeypatch):
    monkeypatch.setenv(WORKERS, "two")
    with pytest.raises(UsageError, match="PAMPHLETEER_WORKERS"):
        worker_count()
    monkeypatch.setenv(WORKERS, "0")
    with pytest.raises(UsageError, match="from 1 up"):
        worker_count()
    monkeypatch.setenv(WORKERS, "3")
    assert worker_count() == 3


def test_values_come_back_in_the_order_of_the_items_whatever_order_they_were_worked_in():
    done = []
    values = map_forked(lambda word: (word.upper(), os.getpid()), ["a", "ccc", "bb", "dddd"], 2, weight=len,
                        done=done.append)
    assert [value for value, _ in values] == ["A", "CCC", "BB", "DDDD"]
    pids = [pid for _, pid in values]
    assert pids[3] == os.getpid()  # the heaviest is worked out here
    assert os.getpid() not in pids[:3]  # the rest in another process
    assert done == ["dddd", "ccc", "bb", "a"]  # then handed out heaviest first


def test_one_worker_forks_nothing():
    assert map_forked(lambda _: os.getpid(), [1, 2, 3], 1) == [os.getpid()] * 3


def test_an_error_in_another_process_is_raised_here_with_its_hint():
    def check(word: str) -> str:
        if word == "bad":
            raise ContentError("seeds/bad.txt:3: not a seed.", "Use UTF-8.")
        return word

    with pytest.raises(ContentError, match="seeds/bad.txt:3") as raised:
        map_forked(check, ["good", "bad", "fine"], 2)
    assert raised.value.hint == "Use UTF-8."
