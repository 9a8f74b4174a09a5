"""Messages of the vectorised portfolio path (``cfp_core.portfolio``). (english, chinese)."""

MESSAGES = {
    # Prefix of a line-level error raised while compiling many inventories at once:
    # "{line}" is the single path's "Line N (stage, activity): " prefix (key where.line).
    "portfolio.where": ("Inventory {model_code} ({period}), {line}", "清单 {model_code}（{period}），{line}"),
}
