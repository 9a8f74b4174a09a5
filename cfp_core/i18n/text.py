"""Messages for rejected text and pydantic validation errors. (english, chinese)."""

MESSAGES = {
    "error.text_rejected": ("{reason}", "{reason}"),
    "text.control_chars": (
        "Remove control characters (tabs or line breaks are not allowed here).",
        "请删除控制字符（此处不允许制表符或换行）。",
    ),
    "text.too_long": ("Shorten the text to at most {limit} characters.", "请将文字缩短至 {limit} 个字符以内。"),
    "text.markup": (
        "Remove HTML/script markup (such as '<tag>', 'javascript:' or 'onerror=').",
        "请删除HTML/脚本标记（如“<标签>”、“javascript:”或“onerror=”）。",
    ),
    "text.formula": (
        "Text must not start with =, +, -, @ (spreadsheet formula); remove the leading character.",
        "文字不能以 =、+、-、@ 开头（会被表格软件当作公式）；请删除开头的字符。",
    ),
    "text.identifier": (
        "Use 1–80 letters, digits or . _ : + - (starting with a letter or digit).",
        "请使用1–80个字母、数字或 . _ : + -（以字母或数字开头）。",
    ),
    # pydantic error types -> localized explanation (ctx values are passed as params)
    "pyd.missing": ("This field is required; fill it in.", "此项为必填项，请填写。"),
    "pyd.float_parsing": ("Enter a number (e.g. 41.62).", "请输入数字（例如 41.62）。"),
    "pyd.float_type": ("Enter a number (e.g. 41.62).", "请输入数字（例如 41.62）。"),
    "pyd.int_parsing": ("Enter a whole number.", "请输入整数。"),
    "pyd.finite_number": ("Enter a finite number.", "请输入有限的数值。"),
    "pyd.greater_than_equal": ("Enter a value of at least {ge}.", "请输入不小于 {ge} 的数值。"),
    "pyd.greater_than": ("Enter a value greater than {gt}.", "请输入大于 {gt} 的数值。"),
    "pyd.less_than_equal": (
        "Enter a value of at most {le}; check the unit (amounts are per declared unit).",
        "请输入不大于 {le} 的数值；请检查单位（数量按声明单位计）。",
    ),
    "pyd.less_than": ("Enter a value below {lt}.", "请输入小于 {lt} 的数值。"),
    "pyd.enum": ("Choose one of: {expected}.", "请从以下选项中选择：{expected}。"),
    "pyd.literal_error": ("Choose one of: {expected}.", "请从以下选项中选择：{expected}。"),
    "pyd.string_type": ("Enter text.", "请输入文字。"),
    "pyd.string_too_short": ("This field must not be empty.", "此项不能为空。"),
    "pyd.date_from_datetime_parsing": ("Enter a date as YYYY-MM-DD.", "请按 YYYY-MM-DD 格式输入日期。"),
    "pyd.date_parsing": ("Enter a date as YYYY-MM-DD.", "请按 YYYY-MM-DD 格式输入日期。"),
    "pyd.date_type": ("Enter a date as YYYY-MM-DD.", "请按 YYYY-MM-DD 格式输入日期。"),
    "pyd.bool_parsing": ("Enter yes/no (true/false).", "请输入是/否（true/false）。"),
    "pyd.extra_forbidden": ("Unknown field; remove it.", "未知字段，请删除。"),
    "pyd.other": ("Invalid value: {msg}", "无效的值：{msg}"),
    "pyd.public_url": ("Enter the full address, starting with https:// (for example https://cfp.example.com).",
                       "请输入完整地址，以 https:// 开头（例如 https://cfp.example.com）。"),
    "field.location": ("field '{field}'", "字段“{field}”"),
    "error.validation_item": ("{where}{field}: {detail}", "{where}{field}：{detail}"),
}
