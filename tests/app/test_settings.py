"""Organisation settings page: legal names, public base URL, four eyes, logo; each save a revision."""

import base64

from cfp_core import store

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def _settings(path):
    db = store.open_db(path)
    try:
        return store.load_settings(db, "weisidemu"), store.load_organisation(db, "weisidemu")
    finally:
        db.close()


def test_saving_settings_makes_a_revision(page_app, seeded_db_path):
    at = page_app("settings", "en").run()
    assert not at.exception and at.title[0].value == "Organisation settings"
    at.text_input[3].input("https://cfp.example.com/")
    at.toggle[0].set_value(False)
    at.button[0].click().run()
    assert not at.exception and "revision 1" in at.success[0].value
    settings, _ = _settings(seeded_db_path)
    assert settings.public_base_url == "https://cfp.example.com" and settings.four_eyes is False


def test_a_bad_url_is_refused_and_nothing_saved(page_app, seeded_db_path):
    at = page_app("settings", "zh").run()
    assert at.title[0].value == "组织设置"
    at.text_input[3].input("javascript:alert(1)")
    at.button[0].click().run()
    assert not at.exception and at.error
    assert _settings(seeded_db_path)[0].public_base_url == ""


def test_logo_must_be_png():
    from cfp_core.errors import LogoRejected
    from cfp_core.validation import png_logo

    assert base64.b64decode(png_logo(PNG)) == PNG
    for bad in (b"GIF89a...", PNG + b"x" * 600_000):
        try:
            png_logo(bad)
        except LogoRejected as error:
            assert "PNG" in error.message("zh")
        else:
            raise AssertionError("accepted a bad logo")
