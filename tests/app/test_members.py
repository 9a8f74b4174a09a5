"""Users & roles page: add a member by e-mail, change roles, remove; errors in the user's language."""

from cfp_core import store
from cfp_core.access import Role


def _members(path):
    db = store.open_db(path)
    try:
        return {m.email: m for m in store.list_members(db, "weisidemu")}
    finally:
        db.close()


def test_add_change_and_remove_a_member(page_app, seeded_db_path):
    at = page_app("members", "en").run()
    assert not at.exception and at.title[0].value == "Users & roles"
    at.text_input[0].input("Bob@Example.test")
    at.text_input[1].input("Bob")
    at.checkbox(key="member_add_viewer").uncheck()
    at.checkbox(key="member_add_editor").check()
    at.checkbox(key="member_add_approver").check()
    at.button[0].click().run()
    assert not at.exception and "bob@example.test" in at.success[0].value
    assert _members(seeded_db_path)["bob@example.test"].roles == {Role.EDITOR, Role.APPROVER}
    at.run()
    prefix = f"member_roles_{_members(seeded_db_path)['bob@example.test'].member_key}"
    at.checkbox(key=f"{prefix}_editor").uncheck()
    at.checkbox(key=f"{prefix}_approver").uncheck()
    at.checkbox(key=f"{prefix}_viewer").check()
    at.button(key="member_save").click().run()
    assert _members(seeded_db_path)["bob@example.test"].roles == {Role.VIEWER}
    at.button(key="member_remove").click().run()
    assert "bob@example.test" not in _members(seeded_db_path)


def test_a_bad_address_is_refused_in_chinese(page_app, seeded_db_path):
    at = page_app("members", "zh").run()
    at.text_input[0].input("not-an-address")
    at.button[0].click().run()
    assert not at.exception and "电子邮箱" in at.error[0].value
    assert not _members(seeded_db_path)
