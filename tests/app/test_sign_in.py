"""Sign-in page: with a provider configured and nobody signed in it is the only page (see test_roles)."""

from .test_roles import deep_link, signed_in


def test_sign_in_screen_in_both_languages(seeded_db_path):
    for lang, title in (("zh", "登录产品碳足迹工作区"), ("en", "Sign in to the CFP workspace")):
        at = signed_in(None, lang=lang)
        assert not at.exception and at.title[0].value == title
        assert not at.sidebar.button  # no sign-out, no navigation to editing pages


def test_the_sign_in_page_itself_is_harmless_when_signed_in(seeded_db_path):
    at = deep_link({"is_logged_in": True, "sub": "idp|x", "email": "x@example.test"}, "sign_in", "en")
    assert not at.exception
