"""Supplier connections: pulling suppliers' footprints over PACT and sending them PCF requests (#10.5)."""

MESSAGES = {
    "connections.new": ("+ New connection", "+ 新建连接"),
    "nav.supplier_connections": ("Supplier connections", "供应商连接"),
    "action.manage_supplier_connections": ("manage supplier connections", "管理供应商连接"),
    "action.fetch_supplier": ("fetch from a supplier or send it a PCF request", "从供应商获取碳足迹或向其发送 PCF 请求"),
    "connections.what": ("Supplier connection", "供应商连接"),
    "connections.intro": (
        "Each supplier's PACT v3 API: where it is and the client credentials it gave you. Fetch now reads its "
        "footprints into Supplier footprints through the same checks as a file; a PCF request asks it for a "
        "product's footprint, and its answer arrives at your disclosure server.",
        "每家供应商的 PACT v3 API：地址及其提供给您的客户端凭据。“立即获取”按与文件导入相同的检查把其碳足迹读入"
        "“供应商碳足迹”；PCF 请求向其索取某产品的碳足迹，答复将送达您的披露服务器。",
    ),
    # --- fields and their problems ------------------------------------------------------------
    "connections.field.name": ("Name", "名称"),
    "connections.field.base_url": ("Base URL", "基础 URL"),
    "connections.field.auth_url": ("Auth URL", "认证 URL"),
    "connections.field.client_id": ("Client id", "客户端 ID"),
    "connections.field.secret": ("Client secret", "客户端密钥"),
    "connections.field.product_id": ("Product id", "产品 ID"),
    "connections.field.public_url": ("Public base URL", "公开基础 URL"),
    "connections.auth_url_help": (
        "Optional: where the token endpoint is (PACT AuthSubpath); empty means <base URL>/auth/token.",
        "可选：令牌端点所在地址（PACT AuthSubpath）；留空即 <基础 URL>/auth/token。",
    ),
    "connections.secret_help": (
        "Stored encrypted and never shown again. Leave empty to keep the current secret.",
        "加密存储，之后不再显示。留空则保留当前密钥。",
    ),
    "connections.error.invalid": ("{field}: {reason}", "{field}：{reason}"),
    "connections.reason.empty": ("this field is required.", "此项为必填。"),
    "connections.reason.url": (
        "not a URL. Enter the address the supplier gave, e.g. https://pact.supplier.example.",
        "不是有效的 URL。请输入供应商提供的地址，例如 https://pact.supplier.example。",
    ),
    "connections.reason.url_parts": (
        "the URL may not contain a user name, password, query or fragment. Enter only https://host/path.",
        "URL 不得包含用户名、密码、查询串或片段。请只输入 https://主机/路径。",
    ),
    "connections.reason.https": (
        "PACT requires HTTPS. Use an https:// address (plain http:// only for 127.0.0.1 or localhost).",
        "PACT 要求 HTTPS。请使用 https:// 地址（仅 127.0.0.1 或 localhost 可用 http://）。",
    ),
    "connections.reason.unchanged": (
        "nothing changed since the latest revision. Change a field or enter a new secret.",
        "与最新版本相比没有变化。请修改某项或输入新的密钥。",
    ),
    "connections.reason.public_url": (
        "the supplier sends its answer to your disclosure server, so its public address is needed. Set "
        "CFP_PUBLIC_URL or the public base URL under Organisation settings.",
        "供应商会把答复发到您的披露服务器，因此需要其公开地址。请设置 CFP_PUBLIC_URL 或在“组织设置”中填写公开基础 URL。",
    ),
    "connections.error.key_missing": (
        "No encryption key: the client secret is stored only encrypted. Set the environment variable {env} to a "
        "Fernet key and restart, e.g. export {env}=$(python -c \"from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())\"). Keep the key: without it stored secrets cannot be read.",
        "没有加密密钥：客户端密钥只以加密形式存储。请将环境变量 {env} 设为一个 Fernet 密钥后重启，例如 "
        "export {env}=$(python -c \"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\")。"
        "请妥善保存该密钥：没有它，已存储的密钥将无法读取。",
    ),
    "connections.error.key_invalid": (
        "{env} is not a Fernet key (44 characters of url-safe base64). Generate one with python -c \"from "
        "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\".",
        "{env} 不是有效的 Fernet 密钥（44 个 url-safe base64 字符）。可用 python -c \"from cryptography.fernet "
        "import Fernet; print(Fernet.generate_key().decode())\" 生成。",
    ),
    "connections.error.secret_unreadable": (
        "The secret of connection '{name}' cannot be decrypted with the current {env} (the key was changed). "
        "Set the previous key again, or enter the secret again.",
        "无法用当前的 {env} 解密连接“{name}”的密钥（密钥已更换）。请恢复原密钥，或重新输入客户端密钥。",
    ),
    # --- what went wrong talking to the supplier -----------------------------------------------
    "connections.fail.tls": (
        "Connection '{name}': the TLS (HTTPS) certificate of {url} could not be verified. Check the address; "
        "ask the supplier to fix its certificate.",
        "连接“{name}”：无法验证 {url} 的 TLS（HTTPS）证书。请检查地址，或请供应商修复其证书。",
    ),
    "connections.fail.auth": (
        "Connection '{name}': {url} refused the credentials (HTTP {status}). Check the client id and secret, "
        "or ask the supplier to grant this client access.",
        "连接“{name}”：{url} 拒绝了凭据（HTTP {status}）。请检查客户端 ID 与密钥，或请供应商为该客户端授权。",
    ),
    "connections.fail.not_found": (
        "Connection '{name}': {url} does not exist (HTTP 404). Check the base URL (the address before /3/).",
        "连接“{name}”：{url} 不存在（HTTP 404）。请检查基础 URL（/3/ 之前的部分）。",
    ),
    "connections.fail.server": (
        "Connection '{name}': the supplier's server failed (HTTP {status}), {tries} tries. Try again later.",
        "连接“{name}”：供应商服务器出错（HTTP {status}），已尝试 {tries} 次。请稍后再试。",
    ),
    "connections.fail.status": (
        "Connection '{name}': {url} answered HTTP {status}. Ask the supplier what the request lacks.",
        "连接“{name}”：{url} 返回 HTTP {status}。请向供应商确认请求缺少什么。",
    ),
    "connections.fail.timeout": (
        "Connection '{name}': {url} did not answer in time ({tries} tries). Try again later.",
        "连接“{name}”：{url} 未及时响应（已尝试 {tries} 次）。请稍后再试。",
    ),
    "connections.fail.network": (
        "Connection '{name}': {url} cannot be reached. Check the address and the network.",
        "连接“{name}”：无法连接 {url}。请检查地址和网络。",
    ),
    "connections.fail.malformed": (
        "Connection '{name}': the answer of {url} is not a PACT answer ({where}). Nothing was stored; tell the "
        "supplier.",
        "连接“{name}”：{url} 的响应不是 PACT 格式（{where}）。未保存任何数据，请告知供应商。",
    ),
    "connections.fail.redirect": (
        "Connection '{name}': the supplier sent us on to {url}, outside {base}. Refused: the access token is "
        "never sent to another host. Check the base URL.",
        "连接“{name}”：供应商把请求转向 {base} 以外的 {url}。已拒绝：访问令牌绝不发送给其他主机。请检查基础 URL。",
    ),
    "connections.fail.too_many_pages": (
        "Connection '{name}': more than {pages} pages of footprints. Filter by product id.",
        "连接“{name}”：碳足迹超过 {pages} 页。请按产品 ID 筛选。",
    ),
    "connections.problem": ("{path} (value '{value}'): {detail}", "{path}（值“{value}”）：{detail}"),
    # --- the page and the command line ------------------------------------------------------
    "connections.none": ("No supplier connection yet. Add one below.", "尚无供应商连接。请在下方添加。"),
    "connections.add": ("Add or edit a connection", "添加或修改连接"),
    "connections.save": ("Save connection", "保存连接"),
    "connections.saved": ("Connection '{name}' saved (revision {revision}).", "连接“{name}”已保存（第 {revision} 版）。"),
    "connections.col.revision": ("Revision", "版本"),
    "connections.col.saved": ("Saved", "保存时间"),
    "connections.fetch": ("Fetch now", "立即获取"),
    "connections.fetching": ("Fetching footprints from {name} …", "正在从 {name} 获取碳足迹……"),
    "connections.pick": ("Connection", "连接"),
    "connections.product_filter": ("Product ids (optional, one a line)", "产品 ID（可选，每行一个）"),
    "connections.result": (
        "{name}: {fetched} fetched, {new} new, {duplicate} already stored, {refused} refused.",
        "{name}：获取 {fetched} 个，新增 {new} 个，已存在 {duplicate} 个，拒收 {refused} 个。",
    ),
    "connections.refused": ("Refused footprint {path} {pf_id}:", "拒收的碳足迹 {path} {pf_id}："),
    "connections.request": ("Send a PCF request", "发送 PCF 请求"),
    "connections.request_products": ("Product ids (one a line)", "产品 ID（每行一个）"),
    "connections.request_comment": ("Comment (optional)", "备注（可选）"),
    "connections.request_send": ("Send request", "发送请求"),
    "connections.request_sent": ("Request {event_id} sent to {name}.", "请求 {event_id} 已发送至 {name}。"),
    "connections.requests": ("PCF requests sent", "已发送的 PCF 请求"),
    "connections.answers_waiting": ("{count} answer(s) from suppliers received.", "已收到供应商的 {count} 条答复。"),
    "connections.import_answers": ("Import answers", "导入答复"),
    "connections.answers_imported": ("{count} answer(s) imported.", "已导入 {count} 条答复。"),
    "connections.state.sent": ("sent", "已发送"),
    "connections.state.fulfilled": ("fulfilled", "已满足"),
    "connections.state.rejected": ("rejected", "已拒绝"),
    "connections.col.state": ("State", "状态"),
    "connections.col.products": ("Products", "产品"),
    "connections.col.sent": ("Sent", "发送时间"),
}
