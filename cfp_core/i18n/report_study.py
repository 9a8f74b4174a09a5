"""The study report's clause-7 items: value choices, product and process, data collection, fuel parameters,
electricity treatment, sensitivity analysis and interpretation (#12.9). (english, chinese)."""

MESSAGES = {
    # Section and sub-section titles
    "report.study.title.choices": ("Value choices", "价值选择"),
    "report.study.title.product": ("Product and process description", "产品与过程描述"),
    "report.study.title.collection": ("Data collection procedure", "数据收集程序"),
    "report.study.title.fuel": ("Fuel conversion parameters", "燃料换算参数"),
    "report.study.title.electricity": ("Treatment of electricity", "电力处理方式"),
    "report.study.title.uncertainty": ("Pedigree-based uncertainty", "基于谱系矩阵的不确定性"),
    "report.study.title.sensitivity": ("Sensitivity analysis", "敏感性分析"),
    "report.study.title.tornado": ("Each factor ±{step}", "各排放因子 ±{step}"),
    "report.study.title.vintage": ("Electricity factor vintage", "电力因子年份"),
    "report.study.title.allocation": ("Allocation choice", "分配方法选择"),
    "report.study.title.interpretation": ("Interpretation", "结果解释"),
    # Named gaps
    "report.study.item.cutoff": ("cut-off criteria", "取舍准则"),
    "report.study.item.allocation": ("allocation procedure", "分配原则"),
    "report.study.item.product_description": ("product description", "产品描述"),
    "report.study.item.process_flow": (
        "a description of the production process (process flow, sites, main equipment)",
        "生产过程描述（工艺流程、生产场所、主要设备）"),
    "report.study.item.collection_procedure": (
        "the data-collection procedure (who collected which data, from which records and meters, when)",
        "数据收集程序（由谁、依据哪些记录和计量表、在何时收集了哪些数据）"),
    "report.study.item.carbon_oxidation": (
        "carbon content per unit energy and oxidation rate of this line's own factor (only its NCV and value are given)",
        "该行自带因子的单位热值含碳量和碳氧化率（仅给出低位发热量和因子值）"),
    "report.study.item.ncv": ("the net calorific value (NCV) of this factor", "该因子的低位发热量"),
    "report.study.item.combined_value": (
        "carbon content per unit energy and oxidation rate (the source publishes one combined value)",
        "单位热值含碳量和碳氧化率（来源仅发布一个综合因子值）"),
    "report.study.item.vintage": ("the factor's vintage", "因子年份"),
    "report.study.item.green_power": ("evidence of the supply (contract, green-electricity certificates)",
                                      "供电来源证明（购电合同、绿色电力证书）"),
    "report.study.item.td_losses": ("whether transmission and distribution losses are included",
                                    "是否包含输配电损耗"),
    "report.study.item.allocation_data": (
        "the plant totals and each co-product's output, mass and price needed to recompute the allocation "
        "by mass, by economic value or without allocation",
        "按质量、按经济价值或不分配重新计算所需的工厂总量及各联产品的产量、质量和价格"),
    "report.study.none": ("none", "无"),
    "report.study.line_ref": ("line {no} {activity}", "第 {no} 行 {activity}"),
    # Value choices
    "report.study.choices.intro": (
        "The choices behind the result, as stated in the study's data (ISO 14067:2018 clause 7).",
        "以下为影响结果的各项选择，均取自本研究数据中的记载（ISO 14067:2018 第7章）。"),
    "report.study.choice.gwp": ("GWP values and time horizon", "全球变暖潜势及时间范围"),
    "report.study.choice.gwp_text": (
        "IPCC {gwp}, GWP100 (100-year time horizon)", "IPCC {gwp}，GWP100（100年时间范围）"),
    "report.study.choice.cutoff": ("Cut-off rule", "取舍准则"),
    "report.study.choice.exempted": ("Share of emissions cut off: {percent}%.", "被舍去的排放占比：{percent}%。"),
    "report.study.choice.allocation": ("Allocation method", "分配方法"),
    "report.study.choice.electricity": ("Electricity accounting", "电力核算方式"),
    "report.study.choice.boundary": ("Boundary choices", "边界选择"),
    "report.study.choice.boundary_text": (
        "{boundary}; stages not included: {stages}; {excluded} processes listed as not included (1.3)",
        "{boundary}；未纳入的阶段：{stages}；{excluded} 个过程列为未包含（见 1.3）"),
    "report.study.choice.factor_set": ("Emission-factor set", "排放因子集"),
    "report.study.choice.factor_set_text": ("{set_id}, version {version}", "{set_id}，版本 {version}"),
    # Product and process
    "report.study.product.label": ("Product", "产品"),
    "report.study.process.label": ("Unit processes per stage (the inventory's activity lines)",
                                   "各阶段的单元过程（即清单中的活动数据）"),
    "report.study.process.stage": ("{stage}: {lines}", "{stage}：{lines}"),
    # Data collection
    "report.study.collection.lines": (
        "The activity data cover {period}: {count} lines, of which {kinds}.",
        "活动数据覆盖 {period}：共 {count} 行，其中{kinds}。"),
    "report.study.collection.kind": ("{kind}: {count}", "{kind} {count} 行"),
    "report.study.collection.sep": ("; ", "，"),
    "report.study.collection.printed": (
        "Lines {lines} were transcribed from a source document; the printed amounts are kept (section 3).",
        "第 {lines} 行转录自来源文件，保留其印刷数值（见第3章）。"),
    "report.study.collection.scored": ("Lines {lines} carry pedigree data-quality scores.",
                                       "第 {lines} 行带有谱系矩阵数据质量评分。"),
    "report.study.collection.unscored": ("No line carries pedigree data-quality scores.",
                                         "没有任何一行带有谱系矩阵数据质量评分。"),
    # Fuel conversion parameters
    "report.study.fuel.intro": (
        "For every fuel line: net calorific value (NCV), carbon content per unit energy (CC), oxidation rate "
        "(OF) and the chain E = amount × NCV × CC ÷ 1000 × OF × 44/12, so each line recomputes from this page.",
        "每条燃料数据列出低位发热量（NCV）、单位热值含碳量（CC）、碳氧化率（OF）及计算链 "
        "E = 活动量 × NCV × CC ÷ 1000 × OF × 44/12，据此可逐行复算。"),
    "report.study.fuel.none": ("The inventory has no fuel lines.", "清单中没有燃料数据。"),
    "report.study.fuel.col.ncv": ("NCV", "低位发热量"),
    "report.study.fuel.col.cc": ("CC (tC/TJ)", "含碳量 (tC/TJ)"),
    "report.study.fuel.col.of": ("OF", "碳氧化率"),
    "report.study.fuel.col.chain": ("Recomputation", "复算"),
    "report.study.fuel.col.source": ("Parameters from", "参数来源"),
    "report.study.fuel.chain": ("{amount} × {ncv} {ncv_unit} × {cc} ÷ 1000 × {of} × 44/12 = {kg} {gas}",
                                "{amount} × {ncv} {ncv_unit} × {cc} ÷ 1000 × {of} × 44/12 = {kg} {gas}"),
    "report.study.fuel.energy_chain": ("{amount} × {cc} ÷ 1000 × {of} × 44/12 = {kg} {gas}",
                                       "{amount} × {cc} ÷ 1000 × {of} × 44/12 = {kg} {gas}"),
    "report.study.fuel.no_chain": ("The line's unit does not convert into the NCV's unit: see section 3",
                                   "该行单位无法换算为低位发热量的单位：见第3章"),
    "report.study.fuel.value_chain": ("{amount} → {converted} × {ef} {unit} = {kg} {gas}",
                                      "{amount} → {converted} × {ef} {unit} = {kg} {gas}"),
    "report.study.fuel.own_chain": ("{amount} × {ncv} {ncv_unit} × {ef} {unit} = {kg} {gas}",
                                    "{amount} × {ncv} {ncv_unit} × {ef} {unit} = {kg} {gas}"),
    "report.study.fuel.own_factor": ("the line's own factor, as entered", "该行自带的因子（按录入）"),
    "report.study.fuel.provenance": ("{document}; {publisher} ({factor_id}, {confidence})",
                                     "{document}；{publisher}（{factor_id}，{confidence}）"),
    # Electricity
    "report.study.elec.intro": (
        "Per electricity line: the kind of supply its factor represents, the data-source type, "
        "transmission and distribution (T&D) losses, and the factor vintage.",
        "逐条列出电力数据：因子代表的供电方式、数据来源类型、输配电损耗及因子年份。"),
    "report.study.elec.none": ("The inventory has no electricity lines.", "清单中没有电力数据。"),
    "report.study.elec.col.approach": ("Supply represented", "供电方式"),
    "report.study.elec.col.td": ("T&D losses", "输配电损耗"),
    "report.study.elec.col.vintage": ("Vintage", "因子年份"),
    "report.study.elec.national": ("National grid average", "全国电网平均"),
    "report.study.elec.regional": ("Regional or provincial grid average", "区域或省级电网平均"),
    "report.study.elec.generation": ("Generation-type factor (supplier-specific or green power)",
                                     "发电类型因子（供应商特定或绿色电力）"),
    "report.study.elec.td_line": ("Transmission and distribution", "输配电"),
    "report.study.elec.other": ("Other electricity factor", "其他电力因子"),
    "report.study.elec.own_factor": ("The line's own factor, as entered (not a grid average of the factor library)",
                                     "该行自带的因子（按录入，非因子库中的电网平均因子）"),
    "report.study.elec.kind_family": ("{kind} ({family})", "{kind}（{family}）"),
    "report.study.elec.family.electricity_cfp": ("life-cycle carbon-footprint factor", "全生命周期碳足迹因子"),
    "report.study.elec.family.electricity_co2_org": ("organisation-level CO2 factor, not life-cycle",
                                                     "组织层面二氧化碳因子，非全生命周期"),
    "report.study.elec.td_in_factor": (
        "Included in the factor: its provenance covers generation, the upstream fuel chain and T&D; "
        "the publisher does not state line losses separately",
        "已包含在因子中：其来源说明涵盖发电、上游燃料链及输配电；发布机构未单独说明线损"),
    "report.study.elec.td_separate_incl": ("Counted separately, including line losses (line {no})",
                                           "单独计入，含线损（第 {no} 行）"),
    "report.study.elec.td_separate_excl": ("Counted separately, excluding line losses (line {no})",
                                           "单独计入，不含线损（第 {no} 行）"),
    "report.study.elec.td_is_incl": ("This line: T&D including line losses", "本行：输配电（含线损）"),
    "report.study.elec.td_is_excl": ("This line: T&D excluding line losses", "本行：输配电（不含线损）"),
    "report.study.elec.vintage": ("{vintage} (activity data {period})", "{vintage}年（活动数据 {period}）"),
    "report.study.elec.no_lines": ("No electricity lines", "无电力数据"),
    "report.study.elec.approach_lines": ("{approach}: lines {lines}", "{approach}：第 {lines} 行"),
    # Sensitivity
    "report.study.sens.intro": (
        "Each line's emission factor is changed by −{step} and +{step}, one at a time; a line's result is "
        "proportional to its factor. The table shows the {shown} lines (of {count}) that move the total most.",
        "逐一将各行排放因子改变 −{step} 和 +{step}（每行结果与其因子成正比）。下表列出对总量影响最大的 {shown} 行（共 {count} 行）。"),
    "report.study.sens.col.low": ("Total at −", "总量（−）"),
    "report.study.sens.col.high": ("Total at +", "总量（+）"),
    "report.study.sens.col.swing": ("Swing", "变动幅度"),
    "report.study.sens.col.share": ("Swing / total", "变动幅度/总量"),
    "report.study.sens.col.vintage": ("Electricity factor vintage", "电力因子年份"),
    "report.study.sens.col.delta": ("Δ", "Δ"),
    "report.study.sens.col.change": ("Change", "变化"),
    "report.study.sens.col.note": ("Factors used", "所用因子"),
    "report.study.sens.range": (
        "With every factor at −{step} or +{step} together, the total ranges from {low} to {high} "
        "(study result {total}).",
        "若所有因子同时改变 −{step} 或 +{step}，总量范围为 {low} 至 {high}（本研究结果 {total}）。"),
    "report.study.sens.vintage_text": (
        "The electricity lines ({lines}) use factors of vintage {vintage}; below, the total recomputed with every "
        "other vintage of the same factors in the factor library.",
        "电力数据（第 {lines} 行）采用 {vintage} 年因子；下表为采用因子库中同一因子其他年份时重新计算的总量。"),
    "report.study.sens.vintage_none": (
        "The electricity lines ({lines}) use factors of vintage {vintage}; the factor library holds no other "
        "vintage of them, so the vintage cannot be varied.",
        "电力数据（第 {lines} 行）采用 {vintage} 年因子；因子库中没有这些因子的其他年份，无法比较年份。"),
    "report.study.sens.vintage_outside": (
        "The electricity lines ({lines}) use their own factors, which are not in the factor library; "
        "their vintage cannot be varied.",
        "电力数据（第 {lines} 行）使用自带因子，不在因子库中，无法比较年份。"),
    "report.study.sens.vintage_no_lines": ("The inventory has no electricity lines: not applicable.",
                                           "清单中没有电力数据：不适用。"),
    "report.study.sens.vintage_study": ("this study", "本研究"),
    "report.study.sens.vintage_used": ("{factors} for lines {lines}", "第 {lines} 行采用 {factors}"),
    "report.study.sens.vintage_kept": ("Lines {lines} keep their factor (no factor of this vintage).",
                                       "第 {lines} 行保留原因子（无该年份因子）。"),
    "report.study.sens.allocation_na": (
        "The study states no allocation and no line was allocated: not applicable.",
        "本研究未说明分配，也没有经过分配的数据：不适用。"),
    "report.study.sens.allocation_stated": (
        "The study allocates (1.4), but the alternatives cannot be recomputed from its data.",
        "本研究采用了分配（见 1.4），但无法依据现有数据重新计算其他分配方式。"),
    "report.study.sens.allocation_lines": ("Allocated lines: {lines}.", "经过分配的数据：第 {lines} 行。"),
    # Interpretation
    "report.study.interp.hotspots": ("Hotspots", "排放热点"),
    "report.study.interp.sensitivity": ("Sensitivity", "敏感性"),
    "report.study.interp.uncertainty": ("Uncertainty", "不确定性"),
    "report.study.interp.quality": ("Data quality", "数据质量"),
    "report.study.interp.limitations": ("Limitations", "局限性"),
    "report.study.interp.no_result": ("No emissions were quantified.", "未量化任何排放。"),
    "report.study.interp.hotspot_line": ("line {no} {activity} ({share})", "第 {no} 行 {activity}（{share}）"),
    "report.study.interp.hotspots_text": (
        "The largest contributions are {lines}; these {count} lines make up {share} of the total. "
        "The largest stage is {stage} ({stage_share}).",
        "贡献最大的是{lines}，这 {count} 行合计占总量的 {share}。占比最大的阶段为{stage}（{stage_share}）。"),
    "report.study.interp.sens_top": (
        "The result is most sensitive to the factor of line {no}: ±{step} on it moves the total between "
        "{low} and {high} (±{change}).",
        "结果对第 {no} 行的因子最敏感：该因子变化 ±{step} 时，总量在 {low} 至 {high} 之间（±{change}）。"),
    "report.study.interp.sens_all": ("With every factor ±{step}, the total lies between {low} and {high}.",
                                     "所有因子同时变化 ±{step} 时，总量在 {low} 至 {high} 之间。"),
    "report.study.interp.sens_vintage": ("With the {vintage} electricity factors the total would be {total} ({change}).",
                                         "若采用 {vintage} 年电力因子，总量为 {total}（{change}）。"),
    "report.study.interp.allocation_not_applicable": ("The study allocates nothing, so there is no allocation "
                                                      "choice to vary.", "本研究未作分配，无需比较分配方式。"),
    "report.study.interp.allocation_not_recomputable": (
        "The allocation basis cannot be varied with the study's data (6.3).",
        "现有数据无法比较其他分配方式（见 6.3）。"),
    "report.study.interp.uncertainty_none": (
        "The uncertainty is not quantified: the data carry no pedigree scores (section 5).",
        "不确定性未量化：数据没有谱系矩阵评分（见第5章）。"),
    "report.study.interp.uncertainty_text": (
        "The 95 % range of the total is {low} to {high}; pedigree scores cover {coverage} of the total.",
        "总量的 95% 区间为 {low} 至 {high}；谱系矩阵评分覆盖总量的 {coverage}。"),
    "report.study.interp.primary": ("Primary data make up {share} of the total.", "初级数据占总量的 {share}。"),
    "report.study.interp.dqr": (
        "Emission-weighted scores (1 best … 5): {scores}, over {coverage} of the total; the weakest indicator is "
        "{worst}.",
        "排放加权评分（1最好…5）：{scores}，覆盖总量的 {coverage}；最弱的指标为{worst}。"),
    "report.study.interp.limitations_text": (
        "The result covers climate change only ({gwp}); it is not an assessment of other environmental impacts. "
        "Section 1.6 lists {count} assumptions and limitations that apply to this result.",
        "本结果仅涉及气候变化（{gwp}），不代表其他环境影响。1.6 节列出了适用于本结果的 {count} 项假设和限制。"),
}
