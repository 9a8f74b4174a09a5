"""Suppliers' PACT disclosures: import problems, comparability findings, table and page texts. (english, chinese)."""

MESSAGES = {
    "nav.suppliers": ("Supplier footprints", "供应商碳足迹"),
    "suppliers.what": ("supplier disclosure", "供应商碳足迹披露"),
    # --- import problems (the JSON path is the "column") ------------------------------------
    "suppliers.problem.json": (
        "the file is not well-formed JSON (NaN, Infinity or an integer with thousands of digits). Export the "
        "PACT ProductFootprint again as UTF-8 JSON.",
        "文件不是格式正确的 JSON（含 NaN、Infinity 或上千位的整数）。请让供应商以 UTF-8 JSON 重新导出 PACT "
        "ProductFootprint。",
    ),
    "suppliers.problem.json_at": (
        "the file is not well-formed JSON at line {line}, column {col}. Export the PACT ProductFootprint again "
        "as UTF-8 JSON.",
        "文件在第 {line} 行第 {col} 列处不是格式正确的 JSON。请让供应商以 UTF-8 JSON 重新导出 PACT ProductFootprint。",
    ),
    "suppliers.problem.json_encoding": (
        "the file is not UTF-8 (byte {offset}). Export the PACT ProductFootprint again as UTF-8 JSON.",
        "文件不是 UTF-8 编码（第 {offset} 字节）。请让供应商以 UTF-8 JSON 重新导出 PACT ProductFootprint。",
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
    "error.field_problem": (
        "Footprint {row}, field '{column}' (value '{value}'): {detail}",
        "第 {row} 个碳足迹，字段“{column}”（值“{value}”）：{detail}",
    ),
    # --- gate 1: the official PACT JSON schema of the declared version ----------------------
    "suppliers.schema.required": (
        "this required PACT field is missing. Ask the supplier to add it and send the file again.",
        "缺少该 PACT 必填字段。请供应商补充后重新发送文件。",
    ),
    "suppliers.schema.enum": (
        "not an allowed value. Use one of: {allowed}.", "不是允许的取值。请使用以下之一：{allowed}。",
    ),
    "suppliers.schema.decimal": (
        "not a decimal string. Write it like \"12.5\" (a JSON string, digits and one point).",
        "不是十进制字符串。请写成 \"12.5\" 的形式（JSON 字符串，数字加一个小数点）。",
    ),
    "suppliers.schema.signed_decimal": (
        "not a decimal string of the required sign (pattern {pattern}). Write it like \"12.5\" with the sign PACT "
        "requires for this field.",
        "不是符合所需正负号的十进制字符串（模式 {pattern}）。请按 PACT 对该字段的正负号要求写成 \"12.5\" 的形式。",
    ),
    "suppliers.schema.ar": (
        "not an IPCC report name. Write it like \"AR6\".", "不是 IPCC 报告名称。请写成 \"AR6\" 的形式。",
    ),
    "suppliers.schema.urn": (
        "not a URN. Write it like \"urn:gtin:4712345060507\" or \"urn:uuid:…\".",
        "不是 URN。请写成 \"urn:gtin:4712345060507\" 或 \"urn:uuid:…\" 的形式。",
    ),
    "suppliers.schema.country": (
        "not an ISO 3166-1 alpha-2 country code. Write two capital letters, e.g. \"CN\".",
        "不是 ISO 3166-1 两位国家代码。请填写两个大写字母，如 \"CN\"。",
    ),
    "suppliers.schema.spec_pattern": (
        "not a version like \"3.0.0\". Write major.minor.patch.", "不是 \"3.0.0\" 形式的版本号。请写成 主.次.修订。",
    ),
    "suppliers.schema.pattern": (
        "does not match the pattern {pattern} the PACT schema requires. Correct the value.",
        "不符合 PACT 架构要求的模式 {pattern}。请更正该值。",
    ),
    "suppliers.schema.format_uuid": (
        "not a UUID. Write it like \"f4b1225a-bd44-4c8e-861d-079e4e1dfd69\".",
        "不是 UUID。请写成 \"f4b1225a-bd44-4c8e-861d-079e4e1dfd69\" 的形式。",
    ),
    "suppliers.schema.format_date-time": (
        "not an ISO 8601 date-time. Write it like \"2025-01-01T00:00:00Z\".",
        "不是 ISO 8601 日期时间。请写成 \"2025-01-01T00:00:00Z\" 的形式。",
    ),
    "suppliers.schema.format_urn": (
        "not a URN. Write it like \"urn:gtin:4712345060507\".", "不是 URN。请写成 \"urn:gtin:4712345060507\" 的形式。",
    ),
    "suppliers.schema.format_uri": (
        "not a URI. Write a full address such as \"https://example.com/x\".",
        "不是 URI。请填写完整地址，如 \"https://example.com/x\"。",
    ),
    "suppliers.schema.format": (
        "not in the format '{format}' the PACT schema requires. Correct the value.",
        "不符合 PACT 架构要求的格式“{format}”。请更正该值。",
    ),
    "suppliers.schema.minimum": ("must be at least {limit}. Correct the value.", "不得小于 {limit}。请更正该值。"),
    "suppliers.schema.maximum": ("must be at most {limit}. Correct the value.", "不得大于 {limit}。请更正该值。"),
    "suppliers.schema.exclusiveMinimum": ("must be greater than {limit}. Correct the value.", "必须大于 {limit}。请更正该值。"),
    "suppliers.schema.exclusiveMaximum": ("must be less than {limit}. Correct the value.", "必须小于 {limit}。请更正该值。"),
    "suppliers.schema.number_as_string": (
        "is a JSON number; PACT v3 writes decimals as strings. Write it in quotes, e.g. \"12.5\".",
        "是 JSON 数字；PACT v3 的十进制数须写成字符串。请加引号，如 \"12.5\"。",
    ),
    "suppliers.schema.type": (
        "has the wrong JSON type; PACT requires {expected}. Correct the value.",
        "JSON 类型错误；PACT 要求 {expected}。请更正该值。",
    ),
    "suppliers.schema.geography": (
        "give at most one of geographyCountrySubdivision, geographyCountry, geographyRegionOrSubregion "
        "(none means global). Remove the others.",
        "geographyCountrySubdivision、geographyCountry、geographyRegionOrSubregion 最多只能填一个（都不填表示全球）。请删除多余的字段。",
    ),
    "suppliers.schema.minItems": ("must not be an empty list. Add at least one item.", "不能是空列表。请至少填写一项。"),
    "suppliers.schema.uniqueItems": ("lists an item twice. Remove the duplicate.", "列表中有重复项。请删除重复项。"),
    "suppliers.schema.minLength": ("must not be empty. Enter the text.", "不能为空。请填写文字。"),
    "suppliers.schema.oneOf": (
        "matches none (or more than one) of the shapes PACT allows here. Correct the object.",
        "不符合（或同时符合多个）PACT 在此允许的结构。请更正该对象。",
    ),
    "suppliers.schema.anyOf": (
        "matches none of the shapes PACT allows here. Correct the object.", "不符合 PACT 在此允许的任何结构。请更正该对象。",
    ),
    "suppliers.schema.not": ("is a value PACT forbids here. Remove or correct it.", "是 PACT 在此禁止的值。请删除或更正。"),
    "suppliers.schema.const": ("must have the fixed value PACT requires. Correct it.", "必须为 PACT 规定的固定值。请更正。"),
    "suppliers.schema.additionalProperties": (
        "holds a field PACT does not define here. Remove it or move it to an extension.",
        "包含 PACT 未在此定义的字段。请删除，或移到扩展（extensions）中。",
    ),
    "suppliers.schema.other": (
        "breaks the official PACT schema ({detail}). Correct the value.", "不符合 PACT 官方架构（{detail}）。请更正该值。",
    ),
    # --- gate 2: the rules the PACT specification states in prose ---------------------------
    "suppliers.rule.spec": (
        "unsupported specVersion; PACT 3.0.x and 2.0–2.3 are read. Ask for a v3.0 or v2.3 export.",
        "不支持的 specVersion；可读取 PACT 3.0.x 与 2.0–2.3。请索取 v3.0 或 v2.3 导出文件。",
    ),
    "suppliers.rule.sign+": ("must be a decimal greater than 0, e.g. \"1\". Correct the value.",
                             "必须是大于 0 的十进制数，如 \"1\"。请更正该值。"),
    "suppliers.rule.sign0+": ("must be a decimal of 0 or more (PACT: ≥ 0), e.g. \"0.5\". Correct the value.",
                              "必须是大于或等于 0 的十进制数（PACT：≥ 0），如 \"0.5\"。请更正该值。"),
    "suppliers.rule.sign0-": ("must be a decimal of 0 or less (PACT: ≤ 0, a removal or uptake), e.g. \"-0.5\". "
                              "Correct the sign.",
                              "必须是小于或等于 0 的十进制数（PACT：≤ 0，表示移除或吸收），如 \"-0.5\"。请更正正负号。"),
    "suppliers.rule.sign-": ("must be a decimal below 0, e.g. \"-0.5\". Correct the sign.",
                             "必须是小于 0 的十进制数，如 \"-0.5\"。请更正正负号。"),
    "suppliers.rule.reference": (
        "the reference period ends before or when it starts ({start}). The end is exclusive and must come after "
        "the start: swap or correct the dates.",
        "参考期的结束早于或等于开始（{start}）。结束时间不含当日，须晚于开始：请调换或更正日期。",
    ),
    "suppliers.rule.validity_start": (
        "the validity period starts before the reference period ends ({end}). Start it at or after that date.",
        "有效期开始早于参考期结束（{end}）。请从该日期或之后开始。",
    ),
    "suppliers.rule.validity_order": (
        "the validity period ends before or when it starts. Correct validityPeriodEnd.",
        "有效期结束早于或等于开始。请更正 validityPeriodEnd。",
    ),
    "suppliers.rule.validity_length": (
        "the validity period ends more than 3 years after the reference period end ({end}). Shorten it.",
        "有效期结束晚于参考期结束（{end}）后 3 年。请缩短有效期。",
    ),
    "suppliers.rule.mass": (
        "a footprint per {unit} needs the product mass (kg) per declared unit; 0 is only for energy, logistics or "
        "services. Ask the supplier for the mass.",
        "按 {unit} 声明的碳足迹须给出每声明单位的产品质量（千克）；0 仅适用于能源、物流或服务。请向供应商索取产品质量。",
    ),
    "suppliers.rule.mass_kg": (
        "with the declared unit kilogram the mass per declared unit must equal declaredUnitAmount ({amount}). "
        "Correct one of them.",
        "声明单位为千克时，每声明单位质量须等于 declaredUnitAmount（{amount}）。请更正其中之一。",
    ),
    "suppliers.rule.dqr": ("a DQR must lie between 1 and {top}. Correct the rating.",
                           "DQR 必须介于 1 与 {top} 之间。请更正评分。"),
    "suppliers.rule.percent": ("a percentage must lie between 0 and 100. Correct the value.",
                               "百分比必须介于 0 与 100 之间。请更正该值。"),
    "suppliers.rule.total": (
        "does not equal the sum of its components ({expected}, PACT v3 formula). Correct the total or the components.",
        "不等于其各组成部分之和（{expected}，PACT v3 公式）。请更正合计值或组成部分。",
    ),
    "suppliers.rule.status_comment": ("statusComment must be non-empty text if present. Remove it or explain the status.",
                                      "若填写 statusComment，必须是非空文字。请删除或说明状态原因。"),
    "suppliers.rule.empty": ("the list holds no footprint. Export at least one.", "列表中没有碳足迹。请至少导出一个。"),
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
        "Primary-data share is low ({share} < {limit}): the footprint rests mainly on secondary data.",
        "初级数据占比偏低（{share} < {limit}）：碳足迹主要依赖次级数据。",
    ),
    "suppliers.finding.primary_missing": (
        "No primary-data share is declared.", "未声明初级数据占比。",
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
    "suppliers.col.primary": ("Primary data (%)", "初级数据占比（%）"),
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
    "suppliers.col.state": ("State", "状态"),
    "suppliers.col.at": ("When (UTC)", "时间（UTC）"),
    "suppliers.col.event": ("Event", "事件"),
    "suppliers.col.reason": ("Reason / file", "原因 / 文件"),
    "suppliers.col.author": ("By", "操作人"),
    "suppliers.state.active": ("active", "有效"),
    "suppliers.state.superseded": ("superseded by a newer version", "已被新版本取代"),
    "suppliers.state.hidden": ("hidden", "已隐藏"),
    "suppliers.state.retracted": ("retracted", "已撤回"),
    "suppliers.state.restored": ("restored", "已恢复"),
    "suppliers.state.received": ("received", "已接收"),
    "suppliers.already": ("{file}: already stored as disclosure #{id}; nothing imported twice.",
                          "{file}：已存储为披露 #{id}，未重复导入。"),
    "suppliers.withdraw": ("Hide, retract or restore a disclosure", "隐藏、撤回或恢复披露"),
    "suppliers.choose_one": ("Disclosure", "披露"),
    "suppliers.withdraw_kind": ("Action", "操作"),
    "suppliers.reason": ("Reason (kept in the history)", "原因（记入历史）"),
    "suppliers.withdraw_save": ("Record", "记录"),
}
