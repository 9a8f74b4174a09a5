"""Set-up page: the first signed-in user of an empty workspace names the organisation (see test_roles)."""

from .test_roles import signed_in


def test_a_bad_organisation_id_is_explained_and_nothing_created(seeded_db_path):
    at = signed_in({"is_logged_in": True, "sub": "idp|f", "email": "f@example.test"}, lang="en")
    assert at.title[0].value == "Set up your organisation"
    at.text_input[0].input("not an id!")
    at.text_input[1].input("某公司")
    at.button[0].click().run()
    assert not at.exception and at.error and at.title[0].value == "Set up your organisation"
