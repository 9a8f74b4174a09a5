"""Card integrity: the hash check on every rendering, and how a reader checks a card themselves (#12, #14)."""

MESSAGES = {
    "card.tampered": (
        "Integrity check failed: this card's content does not match its recorded SHA-256 hash. Do not rely on "
        "these figures; ask the publisher.",
        "完整性校验未通过：本卡片的内容与其记录的 SHA-256 哈希不一致。请勿采信这些数据，并联系发布方。"),
    "card.hash_failed": ("SHA-256 {hash} — does not match the content", "SHA-256 {hash} — 与内容不一致"),
    "card.integrity_failed": (
        "Integrity check failed when this card was shown: the content was changed after publication.",
        "展示本卡片时完整性校验未通过：内容在发布后被改动过。"),
    "card.verify.title": ("Check this card yourself", "自行校验本卡片"),
    "card.verify.step1": ("Download the card JSON (card.json).", "下载卡片 JSON（card.json）。"),
    "card.verify.step2.cfp-card/2": (
        "Serialise its \"content\" object with RFC 8785 (JSON Canonicalization Scheme) and encode it as UTF-8.",
        "将其中的 \"content\" 对象按 RFC 8785（JSON 规范化方案）序列化，并以 UTF-8 编码。"),
    "card.verify.step2.cfp-card/1": (
        "This card predates RFC 8785: serialise \"content\" with sorted keys, no spaces and characters as they "
        "are (Python: json.dumps(content, sort_keys=True, separators=(',', ':'), ensure_ascii=False)), UTF-8.",
        "本卡片早于 RFC 8785：将 \"content\" 按键排序、无空格、字符原样输出序列化"
        "（Python：json.dumps(content, sort_keys=True, separators=(',', ':'), ensure_ascii=False)），UTF-8 编码。"),
    "card.verify.step3": ("Compute its SHA-256: it must equal content_hash, {hash}.",
                          "计算其 SHA-256：结果必须等于 content_hash，即 {hash}。"),
    "card.verify.tools": ("With Python (pip install rfc8785):", "使用 Python（pip install rfc8785）："),
    "card.verify.ok": ("Integrity check passed: {path} ({schema}) hashes to its content_hash {hash}.",
                       "完整性校验通过：{path}（{schema}）的内容哈希与 content_hash {hash} 一致。"),
    "card.verify.failed": (
        "Integrity check failed: {path} states content_hash {stated}, but its content hashes to {recomputed}. "
        "The content was changed after publication; do not rely on it.",
        "完整性校验未通过：{path} 记录的 content_hash 为 {stated}，但其内容的哈希为 {recomputed}。"
        "内容在发布后被改动过，请勿采信。"),
    "card.verify.error.json": (
        "This file is not a card JSON document: download card.json from the card page and check that file.",
        "该文件不是卡片 JSON 文档：请从卡片页面下载 card.json 后再校验。"),
    "card.verify.error.shape": (
        "This JSON is not a card document: it needs a \"content\" object and a \"content_hash\" text. Download "
        "card.json from the card page.",
        "该 JSON 不是卡片文档：需要 \"content\" 对象和 \"content_hash\" 文本。请从卡片页面下载 card.json。"),
    "card.verify.error.schema": (
        "Unknown card schema {schema}: this tool checks {choices}. Update the dashboard, or ask the publisher.",
        "未知的卡片结构版本 {schema}：本工具可校验 {choices}。请更新本工具，或联系发布方。"),
    "card.verify.error.algorithm": (
        "Unknown hash algorithm {algorithm}: cards are hashed with sha256.",
        "未知的哈希算法 {algorithm}：卡片使用 sha256。"),
}
