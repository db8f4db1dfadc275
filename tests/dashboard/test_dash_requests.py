"""The examples of the tests' Dash request builder run and hold."""

import doctest

import dash_requests


def test_the_request_builder_examples():
    result = doctest.testmod(dash_requests, optionflags=doctest.ELLIPSIS)
    assert result.attempted and result.failed == 0
