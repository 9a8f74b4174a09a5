"""PACT ProductFootprint export (v3.0 / v2.3): errors and generated texts. (english, chinese)."""

MESSAGES = {
    # --- PACT export --------------------------------------------------------------------------
    "pact.error.not_representable": (
        "This footprint cannot be exported as PACT: {reason}",
        "该碳足迹无法导出为 PACT 格式：{reason}",
    ),
    "pact.error.mass_missing": (
        "Product mass is missing for {model}: PACT v3 requires productMassPerDeclaredUnit (kg per "
        "declared unit, excluding packaging). Enter the product mass on the Products page, then export again.",
        "{model} 缺少产品质量：PACT v3 要求填写 productMassPerDeclaredUnit（每声明单位的产品质量，千克，不含包装）。"
        "请在“产品”页面填写产品质量后再导出。",
    ),
    "pact.reason.unit": (
        "the declared unit {unit} has no PACT equivalent (PACT accepts piece, kilogram, liter, cubic meter, "
        "kilowatt hour, megajoule, ton kilometer). Change the product's declared unit.",
        "声明单位 {unit} 在 PACT 中没有对应单位（PACT 支持 件、千克、升、立方米、千瓦时、兆焦、吨公里）。请修改产品的声明单位。",
    ),
    "pact.reason.v2_2025": (
        "PACT v2.3 requires {fields} and dqi for reference periods from 2025 on, and this tool does not record "
        "land-use-change or biogenic flows for period {period} (it never reports them as 0). Export PACT v3.",
        "PACT v2.3 要求 2025 年起的参考期报告 {fields} 及 dqi，而本工具未记录期间 {period} 的土地利用变化及生物源"
        "流量（不会按 0 报告）。请导出 PACT v3。",
    ),
    "pact.reason.fossil_carbon": (
        "the fossil carbon content of {model} (kg C per declared unit, PACT fossilCarbonContent, mandatory) has "
        "not been assessed. Enter it on the product form (Products page); 0 only if the product holds no "
        "fossil carbon.",
        "{model} 的化石碳含量（kg C/声明单位，PACT fossilCarbonContent，必填）尚未评估。请在“产品”页的产品表单中"
        "填写；仅当产品不含化石碳时填 0。",
    ),
    "pact.reason.biogenic_carbon": (
        "the biogenic carbon content of {model} (kg C per declared unit, mandatory in PACT v2.3) has not been "
        "assessed. Enter it on the product form (Products page), or export PACT v3.",
        "{model} 的生物源碳含量（kg C/声明单位，PACT v2.3 必填）尚未评估。请在“产品”页的产品表单中填写，或导出 "
        "PACT v3。",
    ),
    "pact.reason.biogenic": (
        "the footprint contains biogenic emissions, which this export cannot yet split by life-cycle stage "
        "into the PACT biogenic fields. Export the report or the Excel workbook instead.",
        "该碳足迹含生物源排放，本导出暂无法按生命周期阶段拆分到 PACT 的生物源字段。请改为导出报告或 Excel。",
    ),
    "pact.reason.standards": (
        "none of the study's standards ({standards}) maps to a PACT cross-sectoral standard (ISO 14067, "
        "PAS 2050, ISO 14040/44, ISO 14083, GHG Protocol Product, PEF). Add the standard the study follows.",
        "研究所依据的标准（{standards}）均无法对应 PACT 的跨行业标准（ISO 14067、PAS 2050、ISO 14040/44、"
        "ISO 14083、GHG Protocol 产品标准、PEF）。请补充研究实际依据的标准。",
    ),
    "pact.reason.v2_piece": (
        "PACT v2 has no \"piece\" unit, so a per-piece footprint can only be exported per kilogram of "
        "product. Enter the product mass of {model} to export v2, or export PACT v3 (which supports piece).",
        "PACT v2 没有“件/台”单位，按件声明的碳足迹只能换算为每千克产品导出。请填写 {model} 的产品质量后导出 v2，"
        "或改为导出支持“件”的 PACT v3。",
    ),
    "pact.reason.no_cpc": (
        "PACT v2.3 requires productCategoryCpc (a UN CPC code). Enter the code (or add a product id "
        "urn:pact:productclassification:un-cpc:<code>), or export PACT v3, which does not need it.",
        "PACT v2.3 必须填写 productCategoryCpc（联合国 CPC 产品分类代码）。请填写该代码（或添加产品标识 "
        "urn:pact:productclassification:un-cpc:<代码>），或改为导出无需该字段的 PACT v3。",
    ),
    "pact.reason.v2_gwp": (
        "PACT v2 accepts only AR5 or AR6 characterisation factors, but the footprint uses {gwp}. "
        "Recalculate with AR5 or AR6, or export PACT v3.",
        "PACT v2 仅接受 AR5 或 AR6 特征化因子，而该碳足迹使用 {gwp}。请改用 AR5 或 AR6 重新计算，或导出 PACT v3。",
    ),
    "pact.reason.v2_exempted": (
        "PACT v2 allows at most 5 % exempted emissions, but the study exempts {percent} %. Export PACT v3.",
        "PACT v2 规定豁免排放不超过 5%，而该研究豁免 {percent}%。请导出 PACT v3。",
    ),
    "pact.comment": (
        "Generated from inventory revision {revision} (sha256 {hash}) with factor set {set_id} ({set_name}) "
        "and {gwp} GWP values. The PCF is cradle-to-gate; the study is {boundary} with a total of {total} "
        "kgCO2e per declared unit.",
        "由清单修订版 {revision}（sha256 {hash}）、因子集 {set_id}（{set_name}）与 {gwp} GWP 值生成。"
        "PCF 为从摇篮到大门；研究边界为{boundary}，合计 {total} kgCO2e/声明单位。",
    ),
    "pact.comment_illustrative": (
        "ILLUSTRATIVE DEMO DATA: not a real product's footprint.",
        "示例数据：并非真实产品的碳足迹。",
    ),
    "pact.boundary.included": (
        "Cradle-to-gate processes included: {processes}.",
        "纳入的从摇篮到大门过程：{processes}。",
    ),
    "pact.boundary.distribution": (
        "Distribution ({value} kgCO2e per declared unit) is reported separately as "
        "outboundLogisticsGhgEmissions and is not part of the PCF.",
        "成品运输（{value} kgCO2e/声明单位）单独报告为 outboundLogisticsGhgEmissions，不计入 PCF。",
    ),
    "pact.boundary.distribution_v2": (
        "Distribution ({value} kgCO2e per declared unit) is not part of the PCF.",
        "成品运输（{value} kgCO2e/声明单位）不计入 PCF。",
    ),
    "pact.boundary.missing": (
        "Not assessed (no data and no reason for excluding them): {stages}; the PCF does not include them.",
        "未评估（无数据且未说明排除理由）：{stages}；PCF 未包含这些阶段。",
    ),
    "pact.boundary.excluded": (
        "Stages after the gate are excluded from the PCF (kgCO2e per declared unit): {stages}.",
        "大门之后的阶段不计入 PCF（kgCO2e/声明单位）：{stages}。",
    ),
    "pact.boundary.per_kg": (
        "PACT v2 has no piece unit: values are per kilogram of product ({mass} kg per piece).",
        "PACT v2 无“件”单位：数值按每千克产品计（每件 {mass} 千克）。",
    ),
    "pact.cutoff": ("Cut-off rule: {rule}", "取舍准则：{rule}"),
    "pact.verification_comment": (
        "Third-party verification of the CFP study, report no. {number}.",
        "碳足迹研究的第三方核查，报告编号 {number}。",
    ),
}
