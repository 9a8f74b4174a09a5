"""Words of the add-one-factor form on the Factor library page (en, zh)."""

MESSAGES = {
    "factors.tab.one": ("Add one factor", "添加单个因子"),
    "factors.one.help": (
        "Enter one factor with its source. It is added to a new copy of the set shown above "
        "(the set itself is not changed) and marked user-supplied, never verified.",
        "录入一个因子及其来源。它会加入上方所选因子集的一个新副本（原因子集保持不变），"
        "标记为用户提供，不会标为已核实。",
    ),
    "factors.one.replace": ("Replace the factor with this key in the copy", "在副本中替换具有相同标识的因子"),
    "factors.one.save": ("Add factor and save as new set", "添加因子并另存为新因子集"),
    "factors.one.saved": ("Saved factor set “{name}” with the new factor “{factor}”.",
                          "已保存因子集“{name}”，其中包含新因子“{factor}”。"),
    "factors.one.choose": ("Choose…", "请选择…"),
    "factors.one.not_stated": ("Not stated by the source", "来源未说明"),
    "factors.one.rejected": (
        "The factor was not added ({count} problem(s)); nothing was saved. Fix these fields:",
        "因子未添加（{count} 个问题），未保存任何数据。请修正以下字段：",
    ),
    "error.form_problem": ("Field '{field}' (value '{value}'): {detail}", "字段“{field}”（值“{value}”）：{detail}"),
    "factors.one.required": ("This field is required; fill it in.", "此字段为必填项，请填写。"),
    "factors.one.unknown_field": ("This field does not exist.", "该字段不存在。"),
    "factors.one.bad_boundary": ("Unknown boundary; use one of: {choices}.", "未知的核算边界，请使用：{choices}。"),
    "factors.one.key_exists": (
        "The set already has a factor with this key (“{name}”). Tick “replace” or choose another key.",
        "该因子集已有使用此标识的因子（“{name}”）。请勾选“替换”，或换一个标识。",
    ),
    "factors.one.field.key": ("Key (letters, digits, - _ .)", "因子标识（字母、数字、- _ .）"),
    "factors.one.field.name_zh": ("Name (Chinese)", "名称（中文）"),
    "factors.one.field.name_en": ("Name (English)", "名称（英文）"),
    "factors.one.field.value": ("Value (kg gas per unit)", "数值（每单位的气体千克数）"),
    "factors.one.field.unit": ("Activity unit (e.g. kg, kWh, tkm)", "活动数据单位（如 kg、kWh、tkm）"),
    "factors.one.field.gas": ("Gas", "气体"),
    "factors.one.field.family": ("Type", "类别"),
    "factors.one.field.boundary": ("Boundary", "核算边界"),
    "factors.one.field.region": ("Region (e.g. CN, CN-ZJ)", "地区（如 CN、CN-ZJ）"),
    "factors.one.field.publisher": ("Publisher", "发布机构"),
    "factors.one.field.source_document": ("Source document", "来源文件"),
    "factors.one.field.source_url": ("Source web address (https://…)", "来源网址（https://…）"),
    "factors.one.field.vintage": ("Data year", "数据年份"),
    "factors.one.field.confidence": ("Confidence", "可信度"),
    "factors.one.field.derivation_note": ("Note (how the value was obtained)", "说明（数值如何得出）"),
}
