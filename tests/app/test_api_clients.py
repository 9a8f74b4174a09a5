"""API clients page (admin): create shows the secret once, revoke; the secret works on the server's token route."""

from cfp_core import store


def test_create_and_revoke_a_client(page_app, seeded_db_path):
    at = page_app("api_clients", "en").run()
    assert not at.exception and at.title[0].value == "API clients"
    at.text_input[0].input("Buyer ERP")
    at.multiselect[0].set_value(["WS-TPS-48-900A"])
    at.button[0].click().run()
    assert not at.exception and "Client Buyer ERP created." in at.success[0].value
    secret = at.code[0].value
    db = store.open_db(seeded_db_path)
    try:
        [client] = store.list_api_clients(db)
        assert client.products == ("WS-TPS-48-900A",) and store.authenticate_client(db, client.client_id, secret)
    finally:
        db.close()
    at.run()
    assert not at.code  # shown once
    at.button(key="api_client_revoke").click().run()
    db = store.open_db(seeded_db_path)
    try:
        assert not store.list_api_clients(db)[0].active
    finally:
        db.close()


def test_labels_in_chinese(page_app):
    at = page_app("api_clients", "zh").run()
    assert not at.exception and at.title[0].value == "API 客户端"
