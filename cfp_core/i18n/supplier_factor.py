"""A supplier's footprint as a factor, and adopting its newer version (#10.6). (english, chinese)."""

MESSAGES = {
    "action.use_supplier_factor": ("use a supplier footprint as a factor or adopt its newer version",
                                   "将供应商碳足迹用作因子或采用其新版本"),
    "supfactor.what": ("supplier factor update", "供应商因子更新"),
    "supfactor.error.generic": ("No factor can be made from this disclosure.", "无法由该披露生成因子。"),
    "supfactor.error.basis": ("“{basis}” is not a basis: choose one of {choices}.",
                              "“{basis}”不是可用的口径：请从 {choices} 中选择。"),
    "supfactor.error.withdrawn": ("Disclosure #{id} is {state}: restore it before using it as a factor.",
                                  "披露 #{id} {state}：请先恢复，再将其用作因子。"),
    "supfactor.error.no_mass": (
        "Disclosure #{id} ({supplier}) does not give the product mass per declared unit, so there is no per-kg "
        "value: use it per declared unit, or ask the supplier for productMassPerDeclaredUnit.",
        "披露 #{id}（{supplier}）未给出每声明单位的产品质量，因此没有每千克数值：请按每声明单位使用，"
        "或请供应商提供 productMassPerDeclaredUnit。"),
    # Supplier footprints page: use as factor
    "supfactor.use": ("Use as factor", "用作因子"),
    "supfactor.use_intro": (
        "Make a supplier-specific emission factor from a stored disclosure. Factor sets cannot be changed, so the "
        "factor goes into a new set copied from the base set; inventory lines can then use it with the data "
        "source “supplier specific”.",
        "由已存储的披露生成供应商特定排放因子。因子集不可修改，因此该因子放入复制自基础因子集的新因子集；"
        "清单行随后可使用该因子，数据来源选“供应商特定”。"),
    "supfactor.disclosure": ("Disclosure", "披露"),
    "supfactor.basis": ("Factor per", "因子单位"),
    "supfactor.basis.per_unit": ("declared unit ({unit})", "声明单位（{unit}）"),
    "supfactor.basis.per_kg": ("kg of product", "每千克产品"),
    "supfactor.no_mass_hint": ("No mass per declared unit: only per declared unit is possible.",
                               "未给出每声明单位质量：只能按每声明单位使用。"),
    "supfactor.base_set": ("Base factor set", "基础因子集"),
    "supfactor.set_id": ("New set id", "新因子集代码"),
    "supfactor.set_name": ("New set name (Chinese)", "新因子集名称（中文）"),
    "supfactor.create": ("Create factor", "生成因子"),
    "supfactor.created": ("Factor {factor} created in the new set {set}.", "已在新因子集 {set} 中生成因子 {factor}。"),
    # newer versions
    "supfactor.updates": ("Newer supplier footprints", "供应商碳足迹新版本"),
    "supfactor.no_updates": ("Every supplier factor in use is the newest version.", "所有在用的供应商因子均为最新版本。"),
    "supfactor.flag": (
        "{model} {period}, line {line} ({activity}): factor {factor} comes from {old}; the supplier has published "
        "a newer version ({new}, disclosure #{newer_id}).",
        "{model} {period} 第 {line} 行（{activity}）：因子 {factor} 来自 {old}；供应商已发布新版本"
        "（{new}，披露 #{newer_id}）。"),
    "supfactor.adopt": ("Adopt", "采用"),
    "supfactor.adopted": ("Saved revision {revision} of {model} {period} with the newer supplier factor.",
                          "已保存 {model} {period} 的第 {revision} 版，使用供应商的新版因子。"),
}
