"""Data-entry helpers: the allocation helper and the bill-of-materials import. (english, chinese)."""

MESSAGES = {
    # allocation
    "alloc.explain.units": (
        "Allocated by units produced: {amount} {unit} × {value} / {total} units ({share} %) = {allocated} {unit}; "
        "÷ {units} units = {per_unit} {unit} per unit. {tag}",
        "按产量分配：{amount} {unit} × {value} / {total} 台（{share} %）= {allocated} {unit}；"
        "÷ {units} 台 = 每台 {per_unit} {unit}。{tag}",
    ),
    "alloc.explain.mass": (
        "Allocated by produced mass: {amount} {unit} × {value} kg / {total} kg ({share} %) = {allocated} {unit}; "
        "÷ {units} units = {per_unit} {unit} per unit. {tag}",
        "按产出质量分配：{amount} {unit} × {value} kg / {total} kg（{share} %）= {allocated} {unit}；"
        "÷ {units} 台 = 每台 {per_unit} {unit}。{tag}",
    ),
    "alloc.rule.units": (
        "{activity} ({stage}) is metered for the whole plant and allocated to models by units produced (physical "
        "causality, ISO 14067 6.4.6).",
        "{activity}（{stage}）按全厂计量，依各型号产量分配（物理因果关系，ISO 14067 6.4.6）。",
    ),
    "alloc.rule.mass": (
        "{activity} ({stage}) is metered for the whole plant and allocated to models by produced mass (physical "
        "relationship, ISO 14067 6.4.6).",
        "{activity}（{stage}）按全厂计量，依各型号产出质量分配（物理关系，ISO 14067 6.4.6）。",
    ),
    "alloc.tab": ("Allocation", "分配"),
    "alloc.intro": (
        "Have a plant-level meter total and production counts? Enter the total for the period and each model's output; "
        "the helper writes each model's per-unit line (a new revision each) with the arithmetic in its note, and "
        "records the allocation rule for the report. Running it again with corrected outputs replaces those lines.",
        "只有全厂计量总数和各型号产量？填写本期总量和各型号产出，系统为每个型号写入每台用量（各自保存为新版本），"
        "在备注中写明计算过程，并把分配规则记入报告。产量更正后再次运行会替换这些行。",
    ),
    "alloc.amount": ("Plant total for the period", "本期全厂总量"),
    "alloc.basis": ("Allocate by", "分配依据"),
    "alloc.basis.units": ("Units produced", "产量（台数）"),
    "alloc.basis.mass": ("Produced mass (kg)", "产出质量（千克）"),
    "alloc.col.model": ("Product model", "产品型号"),
    "alloc.col.units": ("Units produced", "产量（台）"),
    "alloc.col.mass": ("Total mass produced (kg)", "产出总质量（千克）"),
    "alloc.col.share": ("Share", "分配比例"),
    "alloc.col.per_unit": ("Per unit", "每台用量"),
    "alloc.col.explain": ("Arithmetic", "计算过程"),
    "alloc.write": ("Write the per-unit lines", "写入每台数据行"),
    "alloc.done": ("Wrote {count} per-unit line(s) as new revisions: {targets}.", "已写入 {count} 个型号的每台数据行（均为新版本）：{targets}。"),
    "alloc.need": (
        "Fill in stage, activity, a plant total above 0, unit, factor, data source and at least one model with its "
        "output to see the allocation.",
        "请填写阶段、活动、大于 0 的全厂总量、单位、因子、数据来源，并至少填写一个型号及其产出，即可查看分配结果。",
    ),
    # the system-boundary editor
    "boundary.tab": ("System boundary", "系统边界"),
    "boundary.intro": (
        "What the study covers. A stage is left out only by unticking it and giving a reason (a row below); a stage "
        "without lines and without a reason is shown as missing on every page, the card, readiness and PACT.",
        "本研究涵盖的范围。只有取消勾选并说明理由（在下表中添加一行）才算排除某阶段；没有数据且未说明理由的阶段"
        "会在各页面、卡片、发布检查和 PACT 中显示为缺失。"),
    "boundary.type": ("Boundary", "边界类型"),
    "boundary.included": ("Stages included", "包含的阶段"),
    "boundary.excluded": ("Excluded processes and stages (with reasons)", "排除的过程和阶段（附理由）"),
    "boundary.col.process": ("Process", "过程"),
    "boundary.col.reason": ("Reason", "理由"),
    "boundary.col.status": ("Status", "状态"),
    "boundary.cutoff": ("Cut-off rule", "取舍规则"),
    "boundary.allocation": ("Allocation rule", "分配规则"),
    "boundary.exempted": ("Exempted share (%)", "豁免比例（%）"),
    "boundary.factor_set": ("Factor set of this study", "本研究使用的因子集"),
    "boundary.factor_set_help": (
        "The set every line is valued with. For materials and freight choose a set with CPCD factors.",
        "所有数据行均按此因子集计算。如需材料和货运因子，请选择含 CPCD 因子的因子集。"),
    "boundary.save": ("Save the boundary as a new revision", "将系统边界保存为新版本"),
    "boundary.saved": ("Saved the boundary as revision {revision}.", "已将系统边界保存为第 {revision} 版。"),
    "boundary.status.entered": ("entered", "已录入"),
    "boundary.status.excluded": ("excluded (reason given)", "已排除（已说明理由）"),
    "boundary.status.missing": ("missing: no lines, no reason", "缺失：无数据、未说明理由"),
    "boundary.issue.row": (
        "Excluded row {row}: give a stage from the list, the process and the reason.",
        "排除项第 {row} 行：请填写列表中的阶段、过程和理由。"),
    "boundary.issue.reason": (
        "Stage '{stage}' is left out: add a row below with the reason, or tick it again.",
        "“{stage}”阶段未包含：请在下表中添加一行说明理由，或重新勾选该阶段。"),
    # bill of materials
    "bom.col.part": ("part", "零件"),
    "bom.col.material": ("material", "材料"),
    "bom.col.mass_per_unit": ("mass_per_unit", "单件质量"),
    "bom.col.mass_unit": ("mass_unit", "质量单位"),
    "bom.col.supplier": ("supplier", "供应商"),
    "bom.col.distance_km": ("distance_km", "运输距离（km）"),
    "bom.col.transport_mode": ("transport_mode", "运输方式"),
    "bom.problem.mass": ("Enter the mass per declared unit, above 0.", "请填写每声明单位的质量（大于 0）。"),
    "bom.problem.mass_unit": (
        "Unknown mass unit: use kg, g, t or lb (empty means kg).", "未知的质量单位：请使用 kg、g、t 或 lb（留空为 kg）。"),
    "bom.problem.distance": ("Enter the distance in km, above 0 (or leave it empty).", "请填写大于 0 的运输距离（km），或留空。"),
    "bom.problem.mode": (
        "A distance needs its transport mode (e.g. heavy diesel truck, rail, inland waterway).",
        "填写了运输距离就须填写运输方式（如重型柴油货车、铁路、内河水运）。"),
    "bom.note.tkm": ("{mass} kg × {distance} km = {tkm} t·km", "{mass} kg × {distance} km = {tkm} 吨公里"),
    "bom.title": ("Bill of materials (BOM)", "物料清单（BOM）"),
    "bom.intro": (
        "Upload a bill of materials: each part's material and mass per unit becomes a raw-material line, its "
        "distance and mode a raw-material-transport line (mass × distance → t·km). Map each material and mode to a "
        "factor once; the mapping is remembered for the next import.",
        "上传物料清单：每个零件的材料和单件质量生成一行原材料获取数据，运输距离和方式生成一行原材料运输数据"
        "（质量 × 距离 → 吨公里）。每种材料和运输方式只需映射一次因子，下次导入时自动沿用。"),
    "bom.template_csv": ("Download BOM template (CSV)", "下载 BOM 模板（CSV）"),
    "bom.template_xlsx": ("Download BOM template (Excel)", "下载 BOM 模板（Excel）"),
    "bom.upload": ("BOM file (CSV or Excel)", "BOM 文件（CSV 或 Excel）"),
    "bom.data_source": ("Data source of these masses", "这些质量数据的来源"),
    "bom.map_material": ("Factor for material '{text}'", "材料“{text}”对应的因子"),
    "bom.map_mode": ("Freight factor for '{text}'", "运输方式“{text}”对应的货运因子"),
    "bom.unmapped": (
        "{count} material(s) or mode(s) still need a factor: their parts give no lines until mapped.",
        "还有 {count} 种材料或运输方式未映射因子：映射前这些零件不生成数据行。"),
    "bom.lines": ("{count} line(s) from {parts} part(s).", "{parts} 个零件生成 {count} 行数据。"),
    "bom.factor_set_hint": (
        "Materials and freight need a factor set with them, e.g. 'China CFP factors 2024 + fuel defaults + CPCD "
        "materials and freight'. This inventory uses '{set_name}'.",
        "材料和货运需要包含相应因子的因子集，例如“中国电力碳足迹因子2024 + 燃料缺省值 + CPCD材料与货运因子（暂定）”。"
        "本清单使用“{set_name}”。"),
}
