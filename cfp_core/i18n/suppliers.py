"""Suppliers' PACT disclosures: import problems, comparability findings, table and page texts. (english, chinese)."""

MESSAGES = {
    "nav.suppliers": ("Supplier footprints", "供应商碳足迹"),
    # --- import problems (the JSON path is the "column") ------------------------------------
    "suppliers.problem.json": (
        "the file is not well-formed JSON ({value}). Export the PACT ProductFootprint again as UTF-8 JSON.",
        "文件不是格式正确的 JSON（{value}）。请让供应商以 UTF-8 JSON 重新导出 PACT ProductFootprint。",
    ),
    "suppliers.problem.not_pact": (
        "this is not a PACT ProductFootprint: the object 'pcf' is missing. Upload one ProductFootprint per file.",
        "这不是 PACT ProductFootprint：缺少“pcf”对象。请每个文件上传一个 ProductFootprint。",
    ),
    "suppliers.problem.missing": (
        "this required PACT field is missing. Ask the supplier to add it and send the file again.",
        "缺少该 PACT 必填字段。请供应商补充后重新发送文件。",
    ),
    "suppliers.problem.decimal": (
        "not a finite PACT decimal (digits with an optional point, no exponent, at most 30 digits, below 1e15). "
        "Write it as a decimal string such as \"12.5\".",
        "不是有限的 PACT 十进制数（数字加可选小数点，不用指数，最多 30 位，小于 1e15）。请写成十进制字符串，如 \"12.5\"。",
    ),
    "suppliers.problem.negative": (
        "must not be negative. Enter a value of 0 or more.", "不能为负数。请填写大于或等于 0 的值。",
    ),
    "suppliers.problem.positive": (
        "must be greater than 0. Enter a positive amount.", "必须大于 0。请填写正数。",
    ),
    "suppliers.problem.date": (
        "not an ISO 8601 date-time. Write it like \"2025-01-01T00:00:00Z\".",
        "不是 ISO 8601 日期时间。请写成 \"2025-01-01T00:00:00Z\" 的形式。",
    ),
    "suppliers.problem.text": ("must be non-empty text. Enter the name.", "必须是非空文字。请填写名称。"),
    "suppliers.problem.list": (
        "must be a non-empty list of texts, e.g. [\"AR6\"]. Correct the list.",
        "必须是非空的文字列表，如 [\"AR6\"]。请更正该列表。",
    ),
    "suppliers.problem.too_large": (
        "the file is {value}; a PACT file may be at most {limit} MB. Ask for one ProductFootprint per file.",
        "文件大小为 {value}；PACT 文件最大 {limit} MB。请每个文件只包含一个 ProductFootprint。",
    ),
    "suppliers.problem.too_deep": (
        "the JSON is nested more than {limit} levels deep, which no PACT field needs. Ask the supplier to "
        "export the ProductFootprint again without the extra nesting.",
        "JSON 嵌套超过 {limit} 层，任何 PACT 字段都不需要这么深。请供应商去掉多余的嵌套后重新导出。",
    ),
    "suppliers.problem.verification": (
        "not a PACT verification: v3 needs an object with providerName and completedAt, v2 an assurance "
        "object with \"assurance\": true. Remove the field or correct it.",
        "不是 PACT 规定的验证信息：v3 需要含 providerName 和 completedAt 的对象，v2 需要含 \"assurance\": true 的对象。"
        "请删除或更正该字段。",
    ),
    "suppliers.problem.unreadable": (
        "the disclosure could not be stored so that it reads back unchanged. Ask the supplier for a plain PACT "
        "export without extra fields.",
        "该披露无法以可原样读回的方式保存。请供应商提供不含额外字段的标准 PACT 导出文件。",
    ),
    "suppliers.problem.spec": (
        "unsupported specVersion; this page reads PACT 2.x and 3.x. Ask for a v3.0 or v2.3 export.",
        "不支持的 specVersion；本页面可读取 PACT 2.x 与 3.x。请索取 v3.0 或 v2.3 导出文件。",
    ),
    # --- comparability findings -------------------------------------------------------------
    "suppliers.finding.unit": (
        "Declared unit differs ({unit} vs baseline {base}) and a product mass is missing: the values cannot be "
        "compared. Ask for the product mass per declared unit.",
        "声明单位不同（{unit}，基准为 {base}），且缺少产品质量：数值无法比较。请向供应商索取每声明单位的产品质量。",
    ),
    "suppliers.finding.unit_per_kg": (
        "Declared unit differs ({unit} vs baseline {base}): not comparable per declared unit; both product masses "
        "are known, so compare per kilogram instead.",
        "声明单位不同（{unit}，基准为 {base}）：不能按声明单位比较；两者产品质量均已知，可改为按每千克比较。",
    ),
    "suppliers.finding.gwp": (
        "Different GWP basis ({gwp} vs baseline {base}). The effect is usually a few percent (e.g. CH4 is 28 in AR5, "
        "27.0 fossil-free / 29.8 fossil in AR6), but it cannot be converted without the gas breakdown. "
        "Ask for the footprint on the same GWP basis.",
        "GWP 基准不同（{gwp}，基准为 {base}）。影响通常为百分之几（如 CH4 在 AR5 中为 28，在 AR6 中为 27.0（非化石）/"
        "29.8（化石）），但缺少分气体数据时无法换算。请索取同一 GWP 基准的碳足迹。",
    ),
    "suppliers.finding.period_gap": (
        "Reference periods are {years} years apart ({period} vs baseline {base}); more than 2 years makes the "
        "comparison unfair. Ask for a more recent footprint.",
        "参考期相差 {years} 年（{period}，基准为 {base}）；超过 2 年的比较有失公平。请索取更新的碳足迹。",
    ),
    "suppliers.finding.expired": (
        "The reference period ended {end}, more than {years} years ago (PACT default validity). Ask for an update.",
        "参考期结束于 {end}，已超过 {years} 年（PACT 默认有效期）。请索取更新数据。",
    ),
    "suppliers.finding.unverified": (
        "No third-party verification is declared. Treat the value with caution or ask for verification.",
        "未声明第三方核查。请谨慎对待该数值，或要求供应商提供核查。",
    ),
    "suppliers.finding.primary_low": (
        "Primary-data share is low ({share} % < {limit} %): the footprint rests mainly on secondary data.",
        "一手数据占比偏低（{share}% < {limit}%）：碳足迹主要依赖二手数据。",
    ),
    "suppliers.finding.primary_missing": (
        "No primary-data share is declared.", "未声明一手数据占比。",
    ),
    "suppliers.finding.standards": (
        "Different cross-sectoral standards ({standards} vs baseline {base}); methods may differ in detail.",
        "跨行业标准不同（{standards}，基准为 {base}）；方法细节可能不同。",
    ),
    "suppliers.finding.deprecated": (
        "The supplier marked this footprint as Deprecated. Ask for the current one.",
        "供应商已将该碳足迹标记为“已弃用”。请索取现行版本。",
    ),
    "suppliers.finding.boundary": (
        "The boundary is labelled cradle-to-grave, but a PACT pcf is cradle-to-gate: the value may include "
        "distribution, use or end of life. Ask for the cradle-to-gate value.",
        "系统边界标为“从摇篮到坟墓”，而 PACT 的 pcf 应为从摇篮到大门：该数值可能包含分销、使用或废弃阶段。"
        "请向供应商索取从摇篮到大门的数值。",
    ),
    "suppliers.severity.blocking": ("Not comparable", "不可比"),
    "suppliers.severity.caution": ("Caution", "注意"),
    "suppliers.severity.info": ("Note", "提示"),
    # --- table, chart, units --------------------------------------------------------------------
    "suppliers.col.supplier": ("Supplier", "供应商"),
    "suppliers.col.product": ("Product", "产品"),
    "suppliers.col.pcf": ("PCF (kgCO2e per declared unit)", "碳足迹（kgCO2e/声明单位）"),
    "suppliers.col.per_kg": ("PCF per kg (kgCO2e/kg)", "每千克碳足迹（kgCO2e/kg）"),
    "suppliers.col.unit": ("Declared unit", "声明单位"),
    "suppliers.col.period": ("Reference period", "参考期"),
    "suppliers.col.gwp": ("GWP basis", "GWP 基准"),
    "suppliers.col.standards": ("Standards", "标准"),
    "suppliers.col.primary": ("Primary data (%)", "一手数据占比（%）"),
    "suppliers.col.dqr": ("Mean DQR", "平均 DQR"),
    "suppliers.col.verified": ("Verified", "已核查"),
    "suppliers.col.rank": ("Rank", "排名"),
    "suppliers.yes": ("yes", "是"),
    "suppliers.no": ("no", "否"),
    "suppliers.chart.title": ("Cradle-to-gate PCF by supplier", "各供应商从摇篮到大门碳足迹"),
    "suppliers.chart.per_unit": ("kgCO2e per declared unit", "kgCO2e/声明单位"),
    "suppliers.chart.per_kg": ("kgCO2e per kg of product", "kgCO2e/千克产品"),
    "suppliers.chart.comparable": ("Comparable", "可比"),
    "suppliers.chart.excluded": ("Not comparable", "不可比"),
    "suppliers.unit.piece": ("piece", "件"),
    "suppliers.unit.kilogram": ("kg", "千克"),
    "suppliers.unit.liter": ("liter", "升"),
    "suppliers.unit.cubic_meter": ("m³", "立方米"),
    "suppliers.unit.kilowatt_hour": ("kWh", "千瓦时"),
    "suppliers.unit.megajoule": ("MJ", "兆焦"),
    "suppliers.unit.ton_kilometer": ("t·km", "吨公里"),
    "suppliers.unit.square_meter": ("m²", "平方米"),
    # --- page -----------------------------------------------------------------------------------
    "suppliers.intro": (
        "Import suppliers' PACT footprints (v3.0 or v2.x JSON) and compare them fairly. PACT values are "
        "cradle-to-gate; only disclosures with the same declared unit and GWP basis are ranked.",
        "导入供应商的 PACT 碳足迹（v3.0 或 v2.x JSON）并公平比较。PACT 数值为从摇篮到大门；"
        "只有声明单位与 GWP 基准相同的披露才参与排名。",
    ),
    "suppliers.upload": ("PACT JSON files", "PACT JSON 文件"),
    "suppliers.part": ("Part / category label (optional)", "零部件/类别标签（可选）"),
    "suppliers.save": ("Import files", "导入文件"),
    "suppliers.saved": ("{file}: saved as disclosure #{id}.", "{file}：已保存为披露 #{id}。"),
    "suppliers.file_error": ("{file}:", "{file}："),
    "suppliers.stored": ("Stored disclosures", "已存储的披露"),
    "suppliers.none": (
        "No supplier disclosures yet. Upload PACT JSON files above.", "尚无供应商披露。请在上方上传 PACT JSON 文件。",
    ),
    "suppliers.choose": ("Disclosures to compare", "要比较的披露"),
    "suppliers.baseline": ("Baseline", "基准"),
    "suppliers.compare": ("Comparison", "比较"),
    "suppliers.basis.per_unit": ("Ranked per declared unit.", "按声明单位排名。"),
    "suppliers.basis.per_kg": (
        "Declared units differ: ranked per kilogram of product.", "声明单位不同：按每千克产品排名。",
    ),
    "suppliers.findings": ("Comparability findings", "可比性检查"),
    "suppliers.no_findings": ("No comparability issues found.", "未发现可比性问题。"),
    "suppliers.excluded": ("Left out of the ranking", "未参与排名"),
    "suppliers.col.received": ("Received", "接收时间"),
    "suppliers.col.part": ("Part", "零部件"),
    "suppliers.col.spec": ("PACT version", "PACT 版本"),
    "suppliers.col.id": ("No.", "编号"),
}
