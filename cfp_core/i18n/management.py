"""Messages of the management view (volumes, portfolio totals, targets) and the trends sentence/export. (english, chinese)."""

MESSAGES = {
    "nav.management": ("Management", "管理视图"),
    "action.save_volumes": ("save production volumes", "保存产量"),
    "action.save_target": ("save a reduction target", "保存减排目标"),
    # errors
    "mgmt.error.volumes": ("Production volumes not saved: {detail}", "产量未保存：{detail}"),
    "mgmt.error.target": ("Reduction target not saved: {detail}", "减排目标未保存：{detail}"),
    "mgmt.error.no_volumes": ("no volume was entered; enter at least one row.", "未填写任何产量，请至少填写一行。"),
    "mgmt.error.unknown_model": (
        "model {model} is not stored; add it under Products & data entry first.",
        "型号 {model} 不存在，请先在“产品与数据录入”中添加。"),
    "mgmt.error.target_years": (
        "the target year ({target}) must come after the baseline year ({baseline}).",
        "目标年份（{target}）必须晚于基准年份（{baseline}）。"),
    "mgmt.error.target_percent": (
        "a percentage reduction must be above 0 and at most 100 (entered: {value}).",
        "减排百分比必须大于 0 且不超过 100（填写的是 {value}）。"),
    "mgmt.problem.duplicate": (
        "This model and period already have a volume in row {first}; keep one row per model and period.",
        "该型号与报告期已在第 {first} 行填写了产量，每个型号和报告期只保留一行。"),
    "mgmt.problem.missing_columns": (
        "the columns {columns} are missing; use the template's header (product_model, period, volume).",
        "缺少列 {columns}，请使用模板的表头（产品型号、报告期、产量（声明单位））。"),
    # words
    "mgmt.portfolio": ("Portfolio", "全部产品组合"),
    "mgmt.unit.t": ("tCO₂e", "tCO₂e"),
    "mgmt.unit.kg_unit": ("kgCO₂e per declared unit", "kgCO₂e/声明单位"),
    "mgmt.year": ("Year", "年份"),
    "mgmt.actual": ("Actual", "实际值"),
    "mgmt.target_path": ("Target path", "目标路径"),
    "mgmt.goal": ("Target", "目标值"),
    "mgmt.target.percent": ("−{value}% by {year} against {baseline}", "{year} 年较 {baseline} 年下降 {value}%"),
    "mgmt.target.absolute": ("at most {value} {unit} by {year} (baseline {baseline})",
                             "{year} 年不高于 {value} {unit}（基准年 {baseline}）"),
    "mgmt.status.no_baseline": ("No actual for the baseline year", "基准年无实际值"),
    "mgmt.status.no_actual": ("No actual on the path yet", "尚无目标期内的实际值"),
    "mgmt.status.on_track": ("On track (at or below the path)", "达标（不高于目标路径）"),
    "mgmt.status.behind": ("Behind (above the path)", "落后（高于目标路径）"),
    "mgmt.col.scope": ("Scope", "范围"),
    "mgmt.col.target": ("Target", "目标"),
    "mgmt.col.baseline": ("Baseline actual", "基准年实际值"),
    "mgmt.col.goal": ("Target value", "目标值"),
    "mgmt.col.latest_year": ("Latest year", "最近年份"),
    "mgmt.col.latest_actual": ("Latest actual", "最近实际值"),
    "mgmt.col.path_value": ("Path value that year", "当年目标路径值"),
    "mgmt.col.status": ("Status", "状态"),
    "mgmt.col.t_co2e": ("Total (tCO₂e)", "总排放（tCO₂e）"),
    "mgmt.col.volume": ("Units produced", "产量（声明单位）"),
    "mgmt.col.with_volume": ("Models with a volume", "已填产量的型号"),
    "mgmt.col.missing": ("Models without a volume", "未填产量的型号"),
    # page
    "mgmt.totals_title": ("Portfolio emissions weighted by production volume", "按产量加权的产品组合排放"),
    "mgmt.totals_help": (
        "Total = Σ footprint per declared unit (each period's latest inventory under its declared factor set) × "
        "units produced ÷ 1000, in tCO₂e.",
        "总排放 = Σ 单位产品碳足迹（各报告期最新清单、其声明的因子集）× 产量 ÷ 1000，单位 tCO₂e。"),
    "mgmt.missing": ("{period}: no production volume for {models}; the total leaves them out.",
                     "{period}：{models} 未填写产量，总排放未包含这些型号。"),
    "mgmt.and_more": ("{names} and {count} more", "{names} 等（另有 {count} 个）"),
    "mgmt.orphans": ("Volumes without a footprint (no inventory for that period): {items}.",
                     "以下产量没有对应的碳足迹（该报告期无清单）：{items}。"),
    "mgmt.no_volumes": ("No production volumes yet: enter them below or import a file.",
                        "尚无产量数据：请在下方填写或导入文件。"),
    "mgmt.portfolio_chart": ("Portfolio emissions by stage (tCO₂e)", "产品组合各阶段排放（tCO₂e）"),
    "mgmt.targets_title": ("Reduction targets: actual against the target path", "减排目标：实际值与目标路径"),
    "mgmt.no_targets": ("No reduction target yet.", "尚无减排目标。"),
    "mgmt.target_chart": ("{scope}: {target}", "{scope}：{target}"),
    "mgmt.volumes_title": ("Production volumes", "产量"),
    "mgmt.volumes_help": ("Units produced per model and period; each save is a new revision (nothing is overwritten).",
                          "各型号各报告期的产量（声明单位数）；每次保存都是一个新修订版本，不覆盖历史。"),
    "mgmt.save_volumes": ("Save volumes", "保存产量"),
    "mgmt.saved_volumes": ("Volumes saved as revision {revision}.", "产量已保存为修订版本 {revision}。"),
    "mgmt.import": ("Import volumes (CSV or Excel)", "导入产量（CSV 或 Excel）"),
    "mgmt.import_button": ("Import this file", "导入此文件"),
    "mgmt.template_csv": ("Template (CSV)", "模板（CSV）"),
    "mgmt.template_xlsx": ("Template (Excel)", "模板（Excel）"),
    "mgmt.target_form": ("Set a reduction target", "设定减排目标"),
    "mgmt.field.scope": ("Scope", "范围"),
    "mgmt.field.baseline_year": ("Baseline year", "基准年份"),
    "mgmt.field.target_year": ("Target year", "目标年份"),
    "mgmt.field.kind": ("Kind", "类型"),
    "mgmt.kind.percent": ("Reduction in % of the baseline", "较基准年下降百分比"),
    "mgmt.kind.absolute": ("Absolute level in the target year", "目标年绝对值"),
    "mgmt.field.value": ("Value (% or kgCO₂e per unit / tCO₂e)", "数值（% 或 kgCO₂e/单位、tCO₂e）"),
    "mgmt.save_target": ("Save target", "保存目标"),
    "mgmt.saved_target": ("Target saved as revision {revision}.", "目标已保存为修订版本 {revision}。"),
    "mgmt.read_only": ("Your role may view but not change volumes or targets.", "您的角色只能查看，不能修改产量或目标。"),
    # trends: sentence and export
    "trends.change_pct": ("Change vs previous period (%)", "较上一报告期变化（%）"),
    "trends.export.total": ("Total (kgCO₂e per declared unit)", "总碳足迹（kgCO₂e/声明单位）"),
    "trends.download_pdf": ("Download PDF", "下载 PDF"),
    "trends.sentence.fall": (
        "Of the {pct}% fall from {a} to {b}, {activity} points came from changed activity data and {factor} from "
        "changed emission factors.",
        "从 {a} 到 {b}，碳足迹下降 {pct}%，其中 {activity} 个百分点来自活动数据的变化，{factor} 个百分点来自排放因子的变化。"),
    "trends.sentence.rise": (
        "Of the {pct}% rise from {a} to {b}, {activity} points came from changed activity data and {factor} from "
        "changed emission factors.",
        "从 {a} 到 {b}，碳足迹上升 {pct}%，其中 {activity} 个百分点来自活动数据的变化，{factor} 个百分点来自排放因子的变化。"),
    "trends.sentence.fall_mixed": (
        "From {a} to {b} the footprint fell {pct}%: changed activity data moved it {activity_way} {activity} points "
        "and changed emission factors moved it {factor_way} {factor} points.",
        "从 {a} 到 {b}，碳足迹下降 {pct}%：活动数据的变化使其{activity_way} {activity} 个百分点，"
        "排放因子的变化使其{factor_way} {factor} 个百分点。"),
    "trends.sentence.rise_mixed": (
        "From {a} to {b} the footprint rose {pct}%: changed activity data moved it {activity_way} {activity} points "
        "and changed emission factors moved it {factor_way} {factor} points.",
        "从 {a} 到 {b}，碳足迹上升 {pct}%：活动数据的变化使其{activity_way} {activity} 个百分点，"
        "排放因子的变化使其{factor_way} {factor} 个百分点。"),
    "trends.sentence.way.down": ("down", "下降"),
    "trends.sentence.way.up": ("up", "上升"),
    "trends.sentence.flat": ("The footprint did not change from {a} to {b}.", "从 {a} 到 {b}，碳足迹没有变化。"),
    "trends.sentence.no_base": ("The footprint of {a} is zero, so the change from {a} to {b} has no percentage.",
                                "{a} 的碳足迹为零，无法计算 {a} 到 {b} 的变化百分比。"),
    "trends.sentence.footnote": ("Method: {method}. Points are percentage points of the {a} footprint.",
                                 "方法：{method}。百分点以 {a} 的碳足迹为基数。"),
}
