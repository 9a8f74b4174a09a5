"""Explain page, line sentences and reconciliation of declared reports. (english, chinese)."""

MESSAGES = {
    # One sentence per line (cfp_core.analysis.explain.explain_line)
    "explain.sentence": ("{activity}: {chain} = {result} kgCO₂e", "{activity}：{chain} = {result} kgCO₂e"),
    "explain.sentence.unit": ("(= {amount} {unit})", "（= {amount} {unit}）"),
    "explain.sentence.gwp": ("× GWP {gwp} ({gas})", "× GWP {gwp}（{gas}）"),
    "explain.col.sentence": ("Calculation", "计算过程"),
    "explain.col.share_of_stage": ("Share of stage", "占本阶段比例"),
    # Explain page
    "explain.intro": (
        "Follow the footprint down: total → stage → line → emission factor → source document.",
        "逐层追溯碳足迹：合计 → 阶段 → 活动数据行 → 排放因子 → 来源文件。",
    ),
    "explain.stages": ("Stages", "各阶段"),
    "explain.pick_stage": ("Stage to explain", "选择要解释的阶段"),
    "explain.lines_of": ("Lines of stage “{stage}”", "“{stage}”阶段的活动数据"),
    "explain.pick_line": ("Line to trace to its source", "选择要溯源的行"),
    "explain.factor_of": ("Emission factor used by line {line}", "第 {line} 行所用的排放因子"),
    "explain.custom_factor": (
        "This line uses a factor given on the line itself (not from the factor library).",
        "该行使用行内自定义的因子（不在因子库中）。",
    ),
    "explain.no_inventory": (
        "No inventory is stored yet. Enter activity data on the Products page first.",
        "尚无清单数据。请先在“产品与数据录入”页面录入活动数据。",
    ),
    "explain.no_lines": (
        "This inventory has no activity lines yet; add them on the Products page.",
        "该清单还没有活动数据行，请在“产品与数据录入”页面添加。",
    ),
    "explain.total_help": (
        "Per declared unit, under factor set “{set}” and GWP set {gwp}.",
        "按声明单位计，采用因子集“{set}”和GWP集 {gwp}。",
    ),
    # Reconciliation section
    "explain.reconcile.title": ("Reconciliation of the declared report", "与报告声明数值的核对"),
    "explain.reconcile.intro": (
        "Each figure the report declares is recomputed from the quantities and factors it prints; "
        "every difference is listed with its likely cause.",
        "将报告声明的每个数值按其所印的数量和因子重新计算，并列出每处差异及其可能原因。",
    ),
    "explain.reconcile.under": (
        "Reconciled under the study's own factor set: {set}.",
        "按该研究本身声明的因子集核对：{set}。",
    ),
    "explain.reconcile.none": (
        "This inventory has no declared figures to reconcile.",
        "该清单没有可供核对的报告声明数值。",
    ),
    "explain.reconcile.matches": (
        "{count} figure(s) recompute within ±0.00005 kgCO₂e",
        "{count} 个数值在 ±0.00005 kgCO₂e 内复算一致",
    ),
    "explain.reconcile.all": ("All findings", "全部核对结果"),
    # Reconciliation messages (cfp_core.analysis.reconcile)
    "reconcile.kind.rounded_activity": ("Rounded activity data", "活动数据经四舍五入"),
    "reconcile.kind.unit_slip": ("Factor unit slip", "因子单位误用"),
    "reconcile.kind.arithmetic": ("Does not recompute", "无法复算"),
    "reconcile.kind.sum_mismatch": ("Parts do not add up", "分项加总不一致"),
    "reconcile.kind.match": ("Matches", "一致"),
    "reconcile.scope.line": ("Line", "行"),
    "reconcile.scope.stage": ("Stage", "阶段"),
    "reconcile.scope.total": ("Total", "合计"),
    "reconcile.col.kind_label": ("Finding", "核对结论"),
    "reconcile.col.scope_label": ("Level", "层级"),
    "reconcile.col.stage_label": ("Stage", "阶段"),
    "reconcile.col.line_no": ("Line", "行"),
    "reconcile.col.declared": ("Declared (kgCO₂e)", "报告值（kgCO₂e）"),
    "reconcile.col.recomputed": ("Recomputed (kgCO₂e)", "复算值（kgCO₂e）"),
    "reconcile.col.difference": ("Difference", "差异"),
    "reconcile.col.message": ("Explanation", "说明"),
    "reconcile.where.line": ("Line {line} ({stage}, {activity})", "第 {line} 行（{stage}，{activity}）"),
    "reconcile.where.stage": ("Stage “{stage}”", "“{stage}”阶段"),
    "reconcile.where.total": ("Total", "合计"),
    "reconcile.parts.lines": ("reported line results", "报告所列各行结果"),
    "reconcile.parts.stages": ("printed stage values", "报告所印各阶段数值"),
    "reconcile.step.ncv": ("net calorific value {value} {unit}", "低位发热量 {value} {unit}"),
    "reconcile.step.density": ("density {value} {unit}", "密度 {value} {unit}"),
    "reconcile.match": (
        "{where}: {formula} = {recomputed} kgCO₂e, matching the reported {declared}.",
        "{where}：{formula} = {recomputed} kgCO₂e，与报告值 {declared} 一致。",
    ),
    "reconcile.match.sum": (
        "{where}: the {parts} add up to {sum} kgCO₂e, matching the reported {declared}.",
        "{where}：{parts}相加为 {sum} kgCO₂e，与报告值 {declared} 一致。",
    ),
    "reconcile.rounded_activity.one": (
        "{where}: {formula} = {printed} kgCO₂e, but the report states {declared} (difference {difference}). "
        "The reported result implies {implied} {unit} (between {implied_low} and {implied_high}), which rounds "
        "to the printed {amount} {unit} (printed to ±{half_step}). The report calculated with the unrounded "
        "quantity and printed it rounded: a rounding effect, not an error.",
        "{where}：{formula} = {printed} kgCO₂e，而报告给出 {declared}（差 {difference}）。报告结果对应 {implied} {unit}"
        "（介于 {implied_low} 与 {implied_high} 之间），四舍五入后正是报告所印的 {amount} {unit}（印刷精度 ±{half_step}）。"
        "报告用未经舍入的数量计算，印出的是舍入后的数量：这是舍入造成的差异，不是错误。",
    ),
    "reconcile.rounded_activity.many": (
        "{where}: {formula} = {printed} kgCO₂e, but the report states {declared} (difference {difference}). "
        "Within the rounding of the printed quantities the result can lie anywhere from {low} to {high}, "
        "which includes the reported figure: a rounding effect, not an error.",
        "{where}：{formula} = {printed} kgCO₂e，而报告给出 {declared}（差 {difference}）。在所印数量的舍入范围内，"
        "结果可在 {low} 到 {high} 之间，包含报告值：这是舍入造成的差异，不是错误。",
    ),
    "reconcile.unit_slip.line": (
        "{where}: the printed factor {factor} is kg{gas} per {factor_unit}, not per {unit}. The printed {amount} {unit} "
        "× {factor} gives only {naive}, not the reported {declared}. The reported figure is about {ratio} times "
        "larger: that is the {conversion} that turns {unit} into {factor_unit}. Converted first: {amount} {unit} "
        "× {conversion} × {factor} = {converted} kgCO₂e.",
        "{where}：报告所印因子 {factor} 的单位是每{factor_unit}的 kg{gas}，不是每{unit}。用所印的 {amount} {unit} 直接乘以 "
        "{factor} 只得到 {naive}，而不是报告中的 {declared}。报告数值约为其 {ratio} 倍，这正是把{unit}换算为{factor_unit}的"
        "{conversion}。先换算再相乘：{amount} {unit} × {conversion} × {factor} = {converted} kgCO₂e。",
    ),
    "reconcile.unit_slip.stage": (
        "{where}: the printed factor {factor} is kg{gas} per {factor_unit}, not per {unit}. The printed {amount} {unit} "
        "× {factor} gives only {naive}, not the {declared} the report states for stage “{stage}”. The reported "
        "figure is about {ratio} times larger: that is the {conversion} that turns {unit} into {factor_unit}. "
        "Converted first: {amount} {unit} × {conversion} × {factor} = {converted} kgCO₂e.",
        "{where}：报告所印因子 {factor} 的单位是每{factor_unit}的 kg{gas}，不是每{unit}。用所印的 {amount} {unit} 直接乘以 "
        "{factor} 只得到 {naive}，而不是报告中“{stage}”阶段的 {declared}。报告数值约为其 {ratio} 倍，这正是把{unit}换算为"
        "{factor_unit}的{conversion}。先换算再相乘：{amount} {unit} × {conversion} × {factor} = {converted} kgCO₂e。",
    ),
    "reconcile.arithmetic": (
        "{where}: the report states {declared} kgCO₂e, but its printed quantities and printed factors give "
        "{formula} = {printed} (difference {difference}); with the unrounded default factors they give {exact}. "
        "This figure does not recompute from its printed quantities: ask the report's author which quantities "
        "were used.",
        "{where}：报告给出 {declared} kgCO₂e，但按报告所印的数量和因子复算：{formula} = {printed}（差 {difference}）；"
        "按未经舍入的缺省因子复算为 {exact}。该数值无法由报告所印的数量复算得出，请向报告编制方确认实际使用的数量。",
    ),
    "reconcile.hint.edge": (
        "It is reproduced only if the true quantities lie at the very edge of their printed rounding "
        "(with unrounded factors the possible range is {exact_low} to {exact_high}).",
        "只有当实际数量恰好位于其印刷舍入范围的边缘时才能复现（按未舍入因子，可能范围为 {exact_low} 至 {exact_high}）。",
    ),
    "reconcile.sum_mismatch.rounding": (
        "{where}: the {parts} add up to {sum} kgCO₂e, but the report states {declared} (difference {difference}). "
        "The report added the unrounded values and rounded only the result, so its rounded figures do not add up "
        "exactly. A gap this small (at most {allowance}) is rounding, not an error.",
        "{where}：{parts}相加为 {sum} kgCO₂e，而报告给出 {declared}（差 {difference}）。报告先把未经舍入的数值相加，"
        "最后才舍入，所以舍入后的各项相加不完全等于合计。如此小的差异（不超过 {allowance}）来自舍入，不是错误。",
    ),
    "reconcile.sum_mismatch.gap": (
        "{where}: the {parts} add up to {sum} kgCO₂e, but the report states {declared} (difference {difference}), "
        "more than rounding can explain (at most {allowance}). A part may be missing or counted twice: check the report.",
        "{where}：{parts}相加为 {sum} kgCO₂e，而报告给出 {declared}（差 {difference}），超出舍入所能解释的范围"
        "（不超过 {allowance}）。可能漏计或重复计算了某一部分，请核对报告。",
    ),
}
