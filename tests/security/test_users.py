"""The users file keeps scrypt hashes only; `maillage users add` asks for the password twice."""

from __future__ import annotations

import tomllib

import pytest
from click.testing import CliRunner

from maillage.cli import main
from maillage.serving.users import (
    Role,
    UsersError,
    hash_password,
    parse_users,
    read_users,
    verify_password,
)

PASSWORD = "a long enough passphrase"


def add(path, name, role, password=PASSWORD, confirm=None):
    given = f"{password}\n{password if confirm is None else confirm}\n"
    return CliRunner().invoke(
        main, ["users", "add", name, "--role", role, "--file", str(path)], input=given
    )


def test_users_add_stores_a_salted_hash_and_never_the_password(tmp_path):
    path = tmp_path / "users.toml"

    first = add(path, "amina", "facilitator")
    second = add(path, "bruno", "viewer")

    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    text = path.read_text()
    assert PASSWORD not in text and PASSWORD not in first.output + second.output
    assert path.stat().st_mode & 0o777 == 0o600
    entries = tomllib.loads(text)["users"]
    assert {n: e["role"] for n, e in entries.items()} == {"amina": "facilitator", "bruno": "viewer"}
    hashes = [e["password_hash"] for e in entries.values()]
    assert all(h.startswith("scrypt$32768$8$1$") for h in hashes)
    assert hashes[0] != hashes[1], "same password, different salts"
    users = read_users(path)
    assert users["amina"].verify(PASSWORD) and not users["amina"].verify(PASSWORD + "!")
    assert users["bruno"].role is Role.VIEWER


def test_users_add_replaces_a_user_and_keeps_the_others(tmp_path):
    path = tmp_path / "users.toml"
    add(path, "amina", "viewer")
    add(path, "bruno", "viewer")

    result = add(path, "amina", "admin", password="another long passphrase")

    assert result.exit_code == 0
    users = read_users(path)
    assert users["amina"].role is Role.ADMIN and users["amina"].verify("another long passphrase")
    assert users["bruno"].verify(PASSWORD)


def test_the_two_passwords_must_match(tmp_path):
    path = tmp_path / "users.toml"
    result = add(path, "amina", "viewer", confirm="something else entirely")
    assert result.exit_code != 0 and not path.exists()


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("amina", "viewer", "short", "at least 12 characters"),
        ("bad name", "viewer", PASSWORD, "a name is 1 to 64"),
        ('x"]\n[users.y', "viewer", PASSWORD, "a name is 1 to 64"),
        ("amina-the-first", "viewer", "amina-the-first", "must not be the name"),
        ("amina", "viewer", " padded passphrase ", "nor start or end with a blank"),
    ],
)
def test_bad_names_and_passwords_are_refused(tmp_path, name, role, password, message):
    path = tmp_path / "users.toml"
    result = add(path, name, role, password=password)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output and not path.exists()


def test_an_unknown_role_is_refused_by_the_command(tmp_path):
    result = add(tmp_path / "users.toml", "amina", "superuser")
    assert result.exit_code == 2 and "superuser" in result.output


def test_users_list_and_remove(tmp_path):
    path = tmp_path / "users.toml"
    add(path, "amina", "viewer")
    add(path, "bruno", "admin")
    runner = CliRunner()

    listed = runner.invoke(main, ["users", "list", "--file", str(path)])
    removed = runner.invoke(main, ["users", "remove", "amina", "--file", str(path)])
    again = runner.invoke(main, ["users", "remove", "amina", "--file", str(path)])

    assert listed.output.splitlines() == ["amina\tviewer", "bruno\tadmin"]
    assert removed.exit_code == 0 and set(read_users(path)) == {"bruno"}
    assert again.exit_code == 1 and "no user 'amina'" in again.output


def test_a_plain_password_in_the_file_is_refused():
    text = '[users.amina]\nrole = "admin"\npassword = "hunter2hunter2"\n'
    with pytest.raises(UsersError, match="plain 'password' is refused"):
        parse_users(text, "users.toml")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('role = "root"\npassword_hash = "{h}"', "role must be one of viewer, facilitator, admin"),
        ('role = "viewer"\npassword_hash = "hunter2"', "password_hash: not a scrypt"),
        ('role = "viewer"\npassword_hash = "scrypt$2$8$1$AAAA$AAAA"', "out of range"),
        ('role = "viewer"', "password_hash"),
    ],
)
def test_malformed_entries_name_the_file_and_the_user(entry, message):
    text = "[users.amina]\n" + entry.format(h=hash_password(PASSWORD)) + "\n"
    with pytest.raises(UsersError, match="users.toml: user 'amina'") as caught:
        parse_users(text, "users.toml")
    assert message in str(caught.value)


def test_a_file_that_is_not_toml_is_a_clear_error():
    with pytest.raises(UsersError, match="users.toml: not valid TOML"):
        parse_users("[users\n", "users.toml")


def test_hashes_verify_in_constant_time_and_reject_garbage():
    stored = hash_password(PASSWORD)
    assert verify_password(PASSWORD, stored)
    assert not verify_password("", stored)
    assert not verify_password(PASSWORD, "scrypt$not$a$hash")
    assert not verify_password(PASSWORD, "")
