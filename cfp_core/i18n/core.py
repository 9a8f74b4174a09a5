"""Core vocabulary: stages, units, data-source types, boundaries, errors. (english, chinese)."""

MESSAGES = {
    # Life-cycle stages (Chinese terms follow the WS-TPS-48-900A report)
    "stage.raw_material_acquisition": ("Raw-material acquisition", "原材料获取"),
    "stage.raw_material_transport": ("Raw-material transport", "原材料运输"),
    "stage.production": ("Production", "生产"),
    "stage.distribution": ("Distribution", "成品运输"),
    "stage.use": ("Use", "使用"),
    "stage.end_of_life": ("End of life", "产品处置"),
    # Data-source types (ISO 14067 primary / secondary data)
    "source.primary_measured": ("Primary, measured", "初级数据（实测）"),
    "source.supplier_specific": ("Supplier-specific", "供应商特定数据"),
    "source.secondary_default": ("Secondary default", "次级数据（缺省值）"),
    "source.proxy": ("Proxy", "近似替代数据"),
    # Boundaries
    "boundary.cradle_to_gate": ("Cradle-to-gate", "从摇篮到大门"),
    "boundary.cradle_to_grave": ("Cradle-to-grave", "从摇篮到坟墓"),
    # Factor families
    "family.electricity_cfp": ("Electricity carbon-footprint factor", "电力碳足迹因子"),
    "family.electricity_co2_org": (
        "Electricity CO2 emission factor (organisation accounting)",
        "电力二氧化碳排放因子（组织层面核算）",
    ),
    "family.fuel_combustion": ("Fuel combustion", "燃料燃烧"),
    "family.transport": ("Transport", "运输"),
    "family.material": ("Material", "原材料"),
    "family.custom": ("Custom (user-supplied)", "自定义（用户提供）"),
    "family.fuel_upstream": ("Fuel production (upstream)", "燃料生产（上游）"),
    "warn.stage_missing.raw_material_acquisition": (
        "Stage 'Raw-material acquisition' is missing: it has no lines and is not excluded with a reason. Enter its lines, or exclude it "
        "in the system boundary with a reason; until then it is not a 0.",
        "“原材料获取”阶段缺失：没有数据行，也未注明排除理由。请录入该阶段数据，或在系统边界中排除并说明理由；在此之前它不是 0。",
    ),
    "warn.stage_missing.raw_material_transport": (
        "Stage 'Raw-material transport' is missing: it has no lines and is not excluded with a reason. Enter its lines, or exclude it "
        "in the system boundary with a reason; until then it is not a 0.",
        "“原材料运输”阶段缺失：没有数据行，也未注明排除理由。请录入该阶段数据，或在系统边界中排除并说明理由；在此之前它不是 0。",
    ),
    "warn.stage_missing.production": (
        "Stage 'Production' is missing: it has no lines and is not excluded with a reason. Enter its lines, or exclude it "
        "in the system boundary with a reason; until then it is not a 0.",
        "“生产”阶段缺失：没有数据行，也未注明排除理由。请录入该阶段数据，或在系统边界中排除并说明理由；在此之前它不是 0。",
    ),
    "warn.stage_missing.distribution": (
        "Stage 'Distribution' is missing: it has no lines and is not excluded with a reason. Enter its lines, or exclude it "
        "in the system boundary with a reason; until then it is not a 0.",
        "“成品运输”阶段缺失：没有数据行，也未注明排除理由。请录入该阶段数据，或在系统边界中排除并说明理由；在此之前它不是 0。",
    ),
    "warn.stage_missing.use": (
        "Stage 'Use' is missing: it has no lines and is not excluded with a reason. Enter its lines, or exclude it "
        "in the system boundary with a reason; until then it is not a 0.",
        "“使用”阶段缺失：没有数据行，也未注明排除理由。请录入该阶段数据，或在系统边界中排除并说明理由；在此之前它不是 0。",
    ),
    "warn.stage_missing.end_of_life": (
        "Stage 'End of life' is missing: it has no lines and is not excluded with a reason. Enter its lines, or exclude it "
        "in the system boundary with a reason; until then it is not a 0.",
        "“产品处置”阶段缺失：没有数据行，也未注明排除理由。请录入该阶段数据，或在系统边界中排除并说明理由；在此之前它不是 0。",
    ),
    "factor_boundary.cradle_to_gate": ("cradle to gate", "摇篮到大门"),
    "factor_boundary.cradle_to_grave": ("cradle to grave", "摇篮到坟墓"),
    "factor_boundary.gate_to_grave": ("gate to grave", "大门到坟墓"),
    "factor_boundary.gate_to_gate": ("gate to gate", "大门到大门"),
    "warn.factor_boundary.cradle_to_grave": (
        "Line {line}: factor '{factor_id}' is cradle to grave: it includes the material's later life (use, end of "
        "life) and double-counts this product's own later stages. Choose a cradle-to-gate factor.",
        "第 {line} 行：因子“{factor_id}”的核算边界为摇篮到坟墓，包含材料之后的生命周期（使用、废弃处置），"
        "会与本产品之后的阶段重复计算。请选择摇篮到大门的因子。",
    ),
    "warn.factor_boundary.gate_to_grave": (
        "Line {line}: factor '{factor_id}' is gate to grave: it covers the material's use and end of life, not its "
        "production. Choose a cradle-to-gate factor for a material input.",
        "第 {line} 行：因子“{factor_id}”的核算边界为大门到坟墓，只包含材料的使用和废弃处置，不含其生产。"
        "原材料投入请选择摇篮到大门的因子。",
    ),
    "warn.factor_boundary.upstream_fuel": (
        "Line {line}: factor '{factor_id}' is cradle to gate: it covers producing the fuel only, not burning it. "
        "Add the fuel's combustion (gate to grave) as its own line unless another line already counts it.",
        "第 {line} 行：因子“{factor_id}”的核算边界为摇篮到大门，只包含燃料的生产，不含燃烧。"
        "除非已有其他行计入，请另加一行燃料燃烧（大门到坟墓）。",
    ),
    "warn.factor_boundary.gate_to_gate": (
        "Line {line}: factor '{factor_id}' is gate to gate: it covers one process only; the upstream production of "
        "what it stands for is not included.",
        "第 {line} 行：因子“{factor_id}”的核算边界为大门到大门，只包含单一工序，不含其上游生产过程。",
    ),
    # Units
    "unit.kWh": ("kWh", "千瓦时"),
    "unit.MWh": ("MWh", "兆瓦时"),
    "unit.Wh": ("Wh", "瓦时"),
    "unit.GJ": ("GJ", "吉焦"),
    "unit.MJ": ("MJ", "兆焦"),
    "unit.kJ": ("kJ", "千焦"),
    "unit.kg": ("kg", "千克"),
    "unit.g": ("g", "克"),
    "unit.t": ("t", "吨"),
    "unit.L": ("L", "升"),
    "unit.m3": ("m³", "立方米"),
    "unit.Nm3": ("Nm³", "标准立方米"),
    "unit.tkm": ("t·km", "吨公里"),
    "unit.kgkm": ("kg·km", "千克公里"),
    "unit.m2": ("m²", "平方米"),
    "unit.piece": ("piece", "台"),
    "unit.kgco2e": ("kgCO₂e", "kgCO₂e"),
    "unit.per_declared_unit": ("kgCO₂e per {unit}", "kgCO₂e/{unit}"),
    "unit.per_kg": ("kgCO₂e per kg of product", "kgCO₂e/千克产品"),
    # Gases
    "gas.CO2e": ("CO₂e", "CO₂当量"),
    "gas.CO2": ("CO₂", "二氧化碳"),
    "gas.CH4": ("CH₄ (non-fossil)", "甲烷（非化石）"),
    "gas.CH4_fossil": ("CH₄ (fossil)", "甲烷（化石）"),
    "gas.N2O": ("N₂O", "氧化亚氮"),
    # Conversions shown in explanations
    "conv.unit": ("{amount} {from_unit} = {result} {to_unit}", "{amount} {from_unit} = {result} {to_unit}"),
    "conv.ncv": ("× NCV {ncv} {ncv_unit}", "× 低位发热量 {ncv} {ncv_unit}"),
    "conv.density": ("× density {density} {density_unit}", "× 密度 {density} {density_unit}"),
    # Warnings attached to results
    "warn.org_factor_in_cfp": (
        "Factor '{factor_id}' is an organisation-accounting electricity CO₂ emission factor; "
        "a product footprint should use the electricity carbon-footprint factor (电力碳足迹因子).",
        "因子“{factor_id}”是组织层面核算用的电力二氧化碳排放因子；产品碳足迹应使用电力碳足迹因子。",
    ),
    "warn.mixed_families": (
        "This factor set mixes factor families: {families}.",
        "该因子集混用了不同类型的因子：{families}。",
    ),
    "warn.unverified_factor": (
        "Factor '{factor_id}' is provisional (confidence {confidence}); check the original source.",
        "因子“{factor_id}”为暂定值（可信度 {confidence}），请核对原始来源。",
    ),
    "warn.gwp_basis": (
        "Factor '{factor_id}' is already in CO₂e with the publisher's GWP basis; the chosen GWP set "
        "{gwp_set} does not change it.",
        "因子“{factor_id}”已按发布方的GWP口径折算为CO₂当量，所选GWP集 {gwp_set} 不改变其数值。",
    ),
    # Errors
    "error.generic": ("Something went wrong.", "出现错误。"),
    "error.store_busy": (
        "The database is busy with another save. Nothing was changed; try again in a moment.",
        "数据库正忙于另一项保存。未做任何更改，请稍后重试。",
    ),
    "error.store_full": (
        "The disk is full, so nothing was saved (the change was rolled back whole). Free disk space and try again.",
        "磁盘已满，未保存任何内容（更改已整体回滚）。请释放磁盘空间后重试。",
    ),
    "error.record_unreadable": (
        "{what} {ident} in the database cannot be read: it was changed outside the dashboard. Nothing was "
        "changed; ask your administrator to restore the database from a backup copy (the details are in the "
        "server log).",
        "数据库中的{what} {ident} 无法读取：它在仪表板之外被改动过。未更改任何内容；请管理员从备份副本恢复数据库"
        "（详情见服务器日志）。",
    ),
    "error.store_damaged": (
        "The database file '{path}' failed its integrity check ({detail}). Nothing was read or changed: restore "
        "it from a backup copy.",
        "数据库文件“{path}”未通过完整性检查（{detail}）。未读取或更改任何内容：请从备份副本恢复。",
    ),
    "error.unexpected": (
        "An unexpected error occurred (error id {error_id}). Nothing was changed. Report the id; the details "
        "are in the log ({log}).",
        "发生意外错误（错误编号 {error_id}）。未做任何更改。请报告该编号；详细信息见日志（{log}）。",
    ),
    "error.unknown_unit": (
        "Unknown unit '{unit}'{where}. Closest known units: {choices}. Any unit with SI prefixes or an "
        "imperial/US unit is accepted (GWh, TJ, lb, short_ton, US_gallon, mile, therm, t·km …).",
        "未知单位“{unit}”{where}。最接近的已知单位：{choices}。可使用任何带国际单位制词头的单位或英制/美制单位"
        "（如 GWh、TJ、lb、short_ton、US_gallon、mile、therm、吨公里 …）。",
    ),
    "error.unit_mismatch": (
        "{where}amount in '{line_unit}' cannot be used with factor '{factor_id}', which is per "
        "'{factor_unit}'. Enter the amount in {factor_unit} (or a unit of the same kind), choose a factor "
        "per {line_unit}, or use a factor that states a conversion (net calorific value, density).",
        "{where}活动数据单位“{line_unit}”与因子“{factor_id}”的单位“每{factor_unit}”量纲不一致。请以{factor_unit}（或同类单位）填写数量，或选择以{line_unit}计的因子，"
        "或使用注明换算参数（低位发热量、密度）的因子。",
    ),
    "error.factor_not_found": (
        "{where}factor '{factor_id}' is not in factor set '{set_id}'. Choose a factor from that set, "
        "or add it to a custom set.",
        "{where}因子“{factor_id}”不在因子集“{set_id}”中。请从该因子集中选择因子，或将其加入自定义因子集。",
    ),
    "error.factor_set_invalid": ("Factor set '{set_id}': {detail}", "因子集“{set_id}”：{detail}"),
    "error.gwp_missing": (
        "Gas '{gas}' has no GWP value in {gwp_set}. Choose another GWP set or gas.",
        "GWP集 {gwp_set} 中没有气体“{gas}”的GWP值。请选择其他GWP集或气体。",
    ),
    "error.not_found": ("{what} '{ident}' was not found.", "未找到{what}“{ident}”。"),
    "error.import_rejected": (
        "The file was rejected as a whole ({count} problem(s)); nothing was saved. Fix these rows and import again:",
        "文件整体未导入（{count} 个问题），未保存任何数据。请修正以下各行后重新导入：",
    ),
    "error.row_problem": (
        "Row {row}, column '{column}' (value '{value}'): {detail}",
        "第 {row} 行，“{column}”列（值“{value}”）：{detail}",
    ),
    "error.immutable": (
        "{what} '{ident}' is immutable and cannot be changed or deleted.",
        "{what}“{ident}”不可更改，也不可删除。",
    ),
    "error.not_publishable": (
        "{target} cannot be published: {gaps}",
        "无法发布为{target}：{gaps}",
    ),
    "where.line": ("Line {line} ({stage}, {activity}): ", "第 {line} 行（{stage}，{activity}）："),
    "what.product": ("Product model", "产品型号"),
    "what.organisation": ("Organisation", "组织"),
    "what.inventory": ("Inventory", "清单"),
    "what.factor_set": ("Factor set", "因子集"),
    "what.factor": ("Factor", "因子"),
    "what.snapshot": ("Published snapshot", "已发布快照"),
    "what.revision": ("Revision", "修订版本"),
    "what.period": ("Reporting period", "报告期"),
}
