"""Messages of the portfolio at scale: ``footprint --all`` (materialised results, #13). (english, chinese)."""

MESSAGES = {
    "cli.col.model": ("Model", "型号"),
    "cli.col.period": ("Period", "期间"),
    "cli.col.total": ("Total kgCO₂e", "合计 kgCO₂e"),
    "cli.col.cradle_to_gate": ("Cradle-to-gate kgCO₂e", "摇篮到大门 kgCO₂e"),
    "cli.col.problem": ("Problem", "问题"),
    "cli.footprint.all_title": (
        "Latest footprint of every stored inventory ({count}), per declared unit",
        "全部已存清单的最新碳足迹（{count} 项），以声明单位计"),
    "cli.footprint.all_none": ("No stored inventory matches.", "没有符合条件的已存清单。"),
}
