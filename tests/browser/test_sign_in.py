"""Sign-in through a real OIDC provider (tests/support/idp.py, started here on 127.0.0.1), roles and four eyes.

An editor requests publication, a second person (approver) approves it; a viewer finds no editing
page; signed out, only the sign-in screen. Screenshots land in test-results/screenshots/sign_in_*.png.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.access import Role, cli_principal
from cfp_core.publish import list_snapshots
from cfp_core.store.seed import seed_database

from .conftest import CHROMIUM, _free_port

pytestmark = pytest.mark.browser
pw = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results" / "screenshots"
ORG = "weisidemu"


def _wait(url: str, ok=lambda body: True, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while True:
        try:
            if ok(urllib.request.urlopen(url, timeout=1).read()):
                return
        except OSError:
            pass
        if time.time() > deadline:
            raise RuntimeError(f"{url} did not come up")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def signed_app(tmp_path_factory):
    """The workspace with sign-in configured against the test provider; members bob/carol/dave/alice."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed: run scripts/setup.sh test")
    folder = tmp_path_factory.mktemp("sign_in")
    db_file = folder / "cfp.db"
    db = store.open_db(db_file)
    seed_database(db)
    cli = cli_principal(ORG, "tests")
    for email, roles in (("alice@example.test", [Role.ADMIN]), ("bob@example.test", [Role.APPROVER]),
                         ("carol@example.test", [Role.EDITOR]), ("dave@example.test", [Role.VIEWER])):
        store.set_member(db, cli, email=email, roles=roles)
    db.close()
    idp_port, app_port = _free_port(), _free_port()
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "cfp-workspace"\nclient_secret = "test-secret"\n'
        f'server_metadata_url = "http://127.0.0.1:{idp_port}/.well-known/openid-configuration"\n', encoding="utf-8")
    env = dict(os.environ, CFP_DB_PATH=str(db_file))
    idp = subprocess.Popen([sys.executable, "-m", "tests.support.idp", "--port", str(idp_port),
                            "--client-id", "cfp-workspace", "--client-secret", "test-secret"], cwd=ROOT, env=env)
    app = subprocess.Popen(
        [sys.executable, "scripts/launch.py", "app.py", "--server.headless", "true", "--server.port",
         str(app_port), "--server.address", "127.0.0.1", "--secrets.files", str(secrets_file),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(f"http://127.0.0.1:{idp_port}/.well-known/openid-configuration")
        _wait(f"http://127.0.0.1:{app_port}/_stcore/health", lambda body: body == b"ok")
        yield f"http://127.0.0.1:{app_port}", db_file
    finally:
        for proc in (app, idp):
            proc.terminate()
            proc.wait(timeout=15)


def settle(page) -> None:
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(timeout=60_000)
    page.wait_for_timeout(800)


def sign_in(browser, url: str, user: str, path: str = "", query: str = "lang=en"):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="en-US")
    page = context.new_page()
    page.goto(f"{url}/?lang=en")
    settle(page)
    pw.expect(page.get_by_text("Sign in to the CFP workspace")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Sign in").click()
    page.locator(f"#login-{user}").click()  # the provider's login page
    page.wait_for_url(f"{url}/**", timeout=30_000)
    settle(page)
    pw.expect(page.get_by_role("button", name="退出登录")).to_be_visible(timeout=30_000)  # back in zh, the default
    page.goto(f"{url}/{path}?{query}")
    settle(page)
    return context, page


def test_editor_requests_approver_approves_viewer_reads_only(signed_app, browser):
    url, db_file = signed_app
    SHOTS.mkdir(parents=True, exist_ok=True)
    publish_query = "lang=en&model=WS-TPS-48-900A&period=2025&set=cn-cfp-2024&audience=internal"

    # signed out: nothing but the sign-in screen, whatever the URL
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    for path in ("products", "publish", "members", "audit"):
        page.goto(f"{url}/{path}?lang=en&user=alice&role=admin")
        settle(page)
        pw.expect(page.get_by_text("Sign in to the CFP workspace")).to_be_visible(timeout=30_000)
        assert page.get_by_text("Products & data entry").count() == 0
    page.screenshot(path=str(SHOTS / "sign_in_signed_out.png"))
    context.close()

    # the editor requests publication
    context, page = sign_in(browser, url, "carol", "publish", publish_query)
    pw.expect(page.get_by_text("Carol Editor").first).to_be_visible(timeout=30_000)
    page.get_by_label("Note to the approver").fill("2025 metered data, checked by the plant")
    page.get_by_role("button", name="Request publication").click()
    pw.expect(page.get_by_text("Publication request #1 sent for review.")).to_be_visible(timeout=30_000)
    assert page.get_by_role("button", name="Approve and publish").count() == 0  # an editor cannot approve
    page.screenshot(path=str(SHOTS / "sign_in_editor_requested.png"), full_page=True)
    context.close()
    assert not list_snapshots(store.open_db(db_file), "WS-TPS-48-900A")

    # a second person, the approver, approves it
    context, page = sign_in(browser, url, "bob", "publish", publish_query)
    pw.expect(page.get_by_text("Requests awaiting your review")).to_be_visible(timeout=30_000)
    pw.expect(page.get_by_text("2025 metered data, checked by the plant").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "sign_in_approver_review.png"), full_page=True)
    page.get_by_role("button", name="Approve and publish").click()
    pw.expect(page.get_by_text("Request #1 approved and published.")).to_be_visible(timeout=30_000)
    context.close()
    db = store.open_db(db_file)
    try:
        [snapshot] = list_snapshots(db, "WS-TPS-48-900A")
        assert snapshot.author == "Bob Approver <idp|bob>"
        subjects = {e["subject"] for e in store.list_audit_events(db, org_id=ORG)}
        assert {"idp|bob", "idp|carol"} <= subjects
    finally:
        db.close()

    # the viewer sees dashboards only, and a guessed editing URL shows the overview
    context, page = sign_in(browser, url, "dave")
    sidebar = page.locator("[data-testid='stSidebar']")
    pw.expect(sidebar.get_by_text("Overview")).to_be_visible(timeout=30_000)
    for hidden in ("Products & data entry", "Publish", "Users & roles", "Audit log", "Factor library"):
        assert sidebar.get_by_text(hidden, exact=True).count() == 0, hidden
    page.goto(f"{url}/products?lang=en")
    settle(page)
    assert page.get_by_role("heading", name="Products & data entry").count() == 0
    page.screenshot(path=str(SHOTS / "sign_in_viewer.png"))
    page.keyboard.press("Escape")  # Streamlit's "page not found" notice over the overview
    # signing out returns to the sign-in screen
    page.get_by_role("button", name="Sign out").click()
    settle(page)
    pw.expect(page.get_by_role("heading", name="登录产品碳足迹工作区")).to_be_visible(timeout=30_000)  # after logout: zh
    page.screenshot(path=str(SHOTS / "sign_in_signed_out_again.png"))
    context.close()
