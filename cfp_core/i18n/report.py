"""Disclosure exports: the GB/T 24067 / ISO 14067 report and the Excel workbook. (english, chinese).

PACT export messages live in ``pact.py``.
"""

MESSAGES = {
    # --- Report: frame -------------------------------------------------------------------------
    "report.title": ("Product Carbon Footprint Report", "产品碳足迹报告"),
    "report.watermark": ("ILLUSTRATIVE", "示例数据"),
    "report.banner": (
        "Illustrative demo data: this report shows how the dashboard reports a footprint. "
        "It is not a real product's carbon footprint and must not be used for claims.",
        "示例数据：本报告仅演示系统如何生成碳足迹报告，并非真实产品的碳足迹，不得用于任何声明。",
    ),
    "report.footer": (
        "Generated from inventory revision {revision} (sha256 {hash}…) by the CFP disclosure dashboard.",
        "由碳足迹披露系统根据清单修订版 {revision}（sha256 {hash}…）生成。",
    ),
    "report.label_value": ("{label}: {value}", "{label}：{value}"),
    "report.colon": (": ", "："),
    "report.list_sep": (", ", "、"),
    "report.gap": ("Not provided: {what}", "未提供：{what}"),
    "report.not_assessed": ("Not assessed", "未评估"),
    "report.period_range": ("{start} to {end}", "{start} 至 {end}"),
    "report.item.address": ("production address", "生产地址"),
    "report.item.report_number": ("report number", "报告编号"),
    "report.item.verification": ("third-party verification", "第三方核查"),
    "report.item.verified_on": ("verification date", "核查日期"),
    "report.item.standards": ("accounting standard", "核算依据标准"),
    "report.item.carbon_content": ("the product's fossil and biogenic carbon content",
                                   "产品的化石碳与生物源碳含量"),
    "report.item.biogenic_carbon": ("biogenic carbon content", "生物源碳含量"),
    "report.item.product_mass": ("product mass", "产品质量"),
    "report.item.allocation": ("allocation procedure", "分配原则"),
    "report.item.cutoff": ("cut-off criteria", "取舍准则"),
    "report.item.pedigree": ("data-quality (pedigree) scores", "数据质量（谱系矩阵）评分"),
    "report.item.publisher": ("publisher", "发布机构"),
    "report.item.document": ("source document", "来源文件"),
    "report.item.vintage": ("version / vintage", "版本/年份"),
    "report.item.publication_date": ("publication date", "发布日期"),
    "report.item.url": ("URL", "网址"),
    # Cover
    "report.cover.product": ("Product name", "产品名称"),
    "report.cover.model": ("Model", "产品规格型号"),
    "report.cover.producer": ("Producer", "生产者名称"),
    "report.cover.address": ("Production address", "生产地址"),
    "report.cover.report_number": ("Report number", "报告编号"),
    "report.cover.verifier": ("Verification body", "核查机构"),
    "report.cover.verified_on": ("Verification date", "核查日期"),
    "report.cover.generated_on": ("Date generated", "生成日期"),
    "report.cover.period": ("Data period", "数据统计周期"),
    "report.cover.standards": ("Accounting standards", "核算和报告依据"),
    "report.cover.pcr": ("Product category rules (PCR)", "产品种类规则（PCR）"),
    "report.cover.pcr_none": ("No product category rules or group standard followed",
                              "无：未采用产品种类规则或团体标准"),
    "report.cover.factor_set": ("Emission factors", "排放因子"),
    "report.cover.result": ("Carbon footprint per {unit}", "单位产品碳足迹（每 {unit}）"),
    "report.cover.issued": (
        "Generated on {date} from inventory revision {revision} (sha256 {hash}…).",
        "生成于 {date}，依据清单修订版 {revision}（sha256 {hash}…）。",
    ),
    # Sections
    "report.section.summary": ("Summary", "摘要"),
    "report.section.scope": ("Goal and scope", "目标与范围定义"),
    "report.section.quality": ("Data quality", "数据质量"),
    "report.section.inventory": ("Activity data (inventory)", "活动水平数据（清单）"),
    "report.section.results": ("Carbon footprint results", "碳足迹计算结果"),
    "report.section.uncertainty": ("Uncertainty analysis", "不确定性分析"),
    "report.section.suggestions": ("Improvement suggestions", "改进建议"),
    "report.section.hotspots": ("Hotspots", "排放热点"),
    "report.section.reductions": ("Reduction opportunities", "减排机会"),
    "report.section.data_actions": ("Data improvements", "数据改进"),
    "report.section.sources": ("Emission factor sources", "排放因子来源"),
    "report.section.verification": ("Verification", "第三方核查"),
    "report.col.share": ("Share", "百分比"),
    "report.col.status": ("In the study", "纳入情况"),
    "report.col.included": ("Processes included", "包含的过程"),
    "report.col.excluded": ("Processes not included (reason)", "未包含的过程（原因）"),
    "report.col.indicator": ("Indicator", "指标"),
    "report.col.dqr": ("Emission-weighted score (1 best … 5)", "排放加权评分（1最好…5）"),
    "report.col.result": ("kgCO₂e", "温室气体量 (kgCO₂e)"),
    "report.col.factor": ("Factor", "因子"),
    "report.col.publisher": ("Publisher", "发布机构"),
    "report.col.document": ("Source document / URL", "来源文件/网址"),
    "report.col.version": ("Version / date", "版本/日期"),
    # Summary
    "report.summary.unit": (
        "The declared unit of this assessment is {unit} of {product} ({model}).",
        "本评价的声明单位为：{unit}{product}（{model}）。",
    ),
    "report.summary.boundary": (
        "System boundary: {boundary}, covering {stages}.",
        "系统边界为“{boundary}”，涵盖{stages}阶段。",
    ),
    "report.summary.result": (
        "The carbon footprint of {product} ({model}) is {total} kgCO₂e per {unit}.",
        "{product}（{model}）的单位产品碳足迹为 {total} kgCO₂e/{unit}。",
    ),
    # Scope
    "report.scope.goal_title": ("Goal of the study", "评价目的"),
    "report.scope.goal": (
        "This study quantifies the carbon footprint of {product} ({model}) according to {standards}, "
        "to support product design, procurement and production decisions and to communicate the result "
        "to customers, certification bodies and other stakeholders.",
        "本评价依据 {standards}，量化{product}（{model}）的产品碳足迹，为产品设计、物料采购和生产管控提供碳排放信息，"
        "并用于与客户、认证机构及其他相关方沟通。",
    ),
    "report.scope.unit_title": ("Declared unit", "功能单位/声明单位"),
    "report.scope.unit": (
        "Declared unit: {unit} of {product} ({model}). All amounts and results are per declared unit.",
        "声明单位：{unit}{product}（{model}）。所有活动数据与结果均以声明单位计。",
    ),
    "report.scope.mass_label": ("Reference flow (product mass)", "基准流（产品质量）"),
    "report.scope.mass": ("{mass} kg per unit, excluding packaging", "每单位 {mass} 千克（不含包装）"),
    "report.scope.boundary_title": ("System boundary", "系统边界"),
    "report.scope.boundary_text": (
        "The system boundary is {boundary}. The table lists, per life-cycle stage, the processes included "
        "(the activity lines of the inventory) and those left out, with the reason.",
        "本次评价的系统边界为“{boundary}”。下表按生命周期阶段列出包含的过程（即清单中的活动数据）及未包含的过程和原因。",
    ),
    "report.boundary.included": ("Included", "包含"),
    "report.boundary.not_quantified": ("Included, no data", "纳入但无数据"),
    "report.boundary.excluded": ("Not included", "未包含"),
    "report.boundary.reason": ("{process} ({reason})", "{process}（{reason}）"),
    "report.scope.allocation_title": ("Allocation", "分配原则"),
    "report.scope.cutoff_title": ("Cut-off criteria", "取舍准则"),
    "report.scope.exempted": (
        "Emissions exempted under the cut-off criteria: {percent} % of the footprint.",
        "按取舍准则豁免的排放：占碳足迹的 {percent}%。",
    ),
    "report.scope.limitations_title": ("Assumptions and limitations", "相关假设和限制"),
    "report.scope.method_title": ("Impact category and method", "影响类型和评价方法"),
    "report.scope.method": (
        "Only climate change is assessed, as global warming potential over 100 years (GWP100) with the "
        "characterisation factors of IPCC {gwp}; results are in kilograms of CO₂ equivalent (kgCO₂e).",
        "仅评价气候变化一种影响类型，采用 IPCC {gwp} 的100年全球增温潜势（GWP100）特征化因子，结果以千克二氧化碳当量（kgCO₂e）表示。",
    ),
    "report.scope.formula": (
        "Each line is E = A × EF × GWP (activity amount per declared unit × emission factor × the gas's {gwp} "
        "GWP100; 1 for a factor already in CO₂e), and the footprint is the sum over all lines: "
        "CFP = Σ Aᵢ × EFᵢ × GWPᵢ. The inventory table gives every A and EF; nothing is rounded before the sum.",
        "每行排放 E = A × EF × GWP（每声明单位活动数据 × 排放因子 × 该气体的 {gwp} GWP100；因子已为 CO₂e 时取 1），"
        "产品碳足迹为各行之和：CFP = Σ Aᵢ × EFᵢ × GWPᵢ。清单表给出每个 A 与 EF；求和前不作舍入。",
    ),
    "report.scope.gases": (
        "Greenhouse gases accounted for gas by gas (characterised here with the GWP set): {gases}.",
        "按气体分别核算（在此以 GWP 值特征化）的温室气体：{gases}。",
    ),
    "report.scope.gases_co2e": (
        "Factors published in CO2e (e.g. electricity) are already characterised by their publisher over the "
        "gases they cover.",
        "以 CO2e 发布的因子（如电力）已由发布方就其涵盖的气体完成特征化。",
    ),
    "report.scope.carbon": (
        "Carbon content of the product per declared unit: fossil {fossil} kg C; biogenic {biogenic}.",
        "每声明单位产品碳含量：化石碳 {fossil} kg C；生物源碳 {biogenic}。",
    ),
    # Limitations
    "report.limit.single_impact": (
        "A carbon footprint covers climate change only (ISO 14067 Annex A); other environmental impacts "
        "are not assessed. GWP values: IPCC {gwp}.",
        "碳足迹仅涉及气候变化一种影响（ISO 14067 附录A），未评价其他环境影响。GWP 取值：IPCC {gwp}。",
    ),
    "report.limit.co2_only": (
        "Lines {lines} use CO₂-only combustion factors: CH₄ and N₂O from these activities are not counted.",
        "第 {lines} 行使用仅含二氧化碳的燃烧因子，未计入这些活动产生的甲烷和氧化亚氮。",
    ),
    "report.limit.converted": (
        "Lines {lines} are converted into the factor's unit with the net calorific value or density stated "
        "with the factor (see the factor sources).",
        "第 {lines} 行按因子注明的低位发热量或密度换算为因子单位（见排放因子来源）。",
    ),
    "report.limit.proxy": (
        "Lines {lines} ({share} of the footprint) are proxies that approximate the real activity.",
        "第 {lines} 行（占碳足迹 {share}）为近似替代数据。",
    ),
    "report.limit.not_quantified": (
        "The following stages are not quantified although the boundary is cradle-to-grave: {stages}.",
        "系统边界为从摇篮到坟墓，但以下阶段未量化：{stages}。",
    ),
    "report.limit.separate": (
        "Emissions from direct land-use change and aircraft transport are not assessed separately; "
        "no offsets are included.",
        "未单独评估直接土地利用变化和航空运输排放；结果不包含任何碳抵消。",
    ),
    "report.limit.illustrative": (
        "All data in this report are illustrative demo data.",
        "本报告全部数据均为示例数据。",
    ),
    # Data quality
    "report.quality.sources_title": ("Data sources", "数据来源"),
    "report.quality.primary": (
        "Primary data (measured or supplier-specific) account for {share} of the footprint.",
        "初级数据（实测或供应商特定数据）占碳足迹的 {share}。",
    ),
    "report.quality.sources": (
        "Emission factors come from the factor set {set_name} (version {version}); the {count} factors "
        "used are listed in the factor-source section.",
        "排放因子取自因子集“{set_name}”（版本 {version}），所用 {count} 个因子见“排放因子来源”一节。",
    ),
    "report.quality.dqr_title": ("Data-quality assessment (pedigree matrix)", "数据质量评价（谱系矩阵）"),
    "report.quality.dqr_text": (
        "Lines were scored on the pedigree matrix (1 best … 5 worst); the table shows emission-weighted "
        "averages. Scored lines cover {coverage} of the footprint.",
        "各行数据按谱系矩阵评分（1最好…5最差），下表为按排放量加权的平均分。已评分数据覆盖碳足迹的 {coverage}。",
    ),
    "report.quality.dqr_missing": (
        "Without scores the data quality is described qualitatively: see the data sources above.",
        "因缺少评分，数据质量仅作定性说明，见上文数据来源。",
    ),
    "report.dqr.reliability": ("Reliability", "可靠性"),
    "report.dqr.completeness": ("Completeness", "完整性"),
    "report.dqr.temporal": ("Temporal representativeness", "时间代表性"),
    "report.dqr.geographical": ("Geographical representativeness", "地理代表性"),
    "report.dqr.technological": ("Technological representativeness", "技术代表性"),
    # Inventory
    "report.inventory.text": (
        "Activity data and emission factors per {unit}, by life-cycle stage.",
        "每 {unit}产品各生命周期阶段的活动水平数据与排放因子。",
    ),
    "report.inventory.conversion": (
        "Where the activity unit differs from the factor unit, the amount is converted with the net "
        "calorific value or density stated with the factor. Results are calculated from unrounded values.",
        "活动数据单位与因子单位不同时，按因子注明的低位发热量或密度换算。结果由未经舍入的数值计算。",
    ),
    "report.inventory.notes": ("Notes", "备注"),
    "report.inventory.unrounded_title": (
        "Amounts as printed in the source and the recomputation", "来源文件所印数量与复算",
    ),
    "report.inventory.unrounded": (
        "Line {no}: the table prints {printed} {unit} as the source document printed it; the result {kg} kgCO₂e is "
        "calculated from the unrounded {amount} {unit}, inside the printed value's rounding band. At the printed "
        "{printed} {unit} the same factor gives {at_printed} kgCO₂e.",
        "第 {no} 行：表中数量 {printed} {unit}按来源文件所印；结果 {kg} kgCO₂e 由未经舍入的 {amount} {unit}计算，"
        "在所印数值的舍入区间内。按所印的 {printed} {unit}，同一因子得 {at_printed} kgCO₂e。",
    ),
    "report.inventory.note_line": ("Line {no}: {note}", "第 {no} 行：{note}"),
    # Results
    "report.chart.title": ("Carbon footprint by life-cycle stage", "各生命周期阶段碳排放分布"),
    "report.chart.axis": ("kgCO2e per {unit}", "kgCO2e/{unit}"),
    "report.results.separate_title": ("Reported separately (ISO 14067)", "单独报告的数值（ISO 14067）"),
    "report.results.cradle_to_gate": ("Cradle-to-gate subtotal", "从摇篮到大门小计"),
    "report.results.fossil": ("Fossil GHG emissions", "化石源温室气体排放"),
    "report.results.biogenic": ("Biogenic GHG emissions", "生物源温室气体排放"),
    "report.results.dluc": ("Direct land-use change (dLUC)", "直接土地利用变化（dLUC）"),
    "report.results.aircraft": ("Aircraft transport", "航空运输"),
    # Uncertainty
    "report.uncertainty.none": (
        "No data-quality scores were provided, so the uncertainty cannot be quantified. Its main sources are "
        "measurement and statistical errors in the activity data and the representativeness of the "
        "secondary emission factors; scoring each line on the pedigree matrix would allow a quantitative range.",
        "未提供数据质量评分，无法定量不确定性。不确定性主要来源于活动水平数据的测量误差和统计误差，以及次级排放因子的代表性；"
        "对各行数据按谱系矩阵评分后即可给出定量范围。",
    ),
    "report.uncertainty.pedigree": (
        "Each line is modelled as lognormal around its result, with a geometric standard deviation from "
        "its pedigree scores and basic uncertainty. Lines sharing an emission factor are treated as fully "
        "correlated: the factor's uncertainty is drawn once per factor ({factors} factors) and applied to every "
        "line that uses it, while the activity data's uncertainty is drawn per line. A Monte Carlo simulation "
        "({runs} runs, seed {seed}) gives the range of the total. Scored lines cover {coverage} of the footprint.",
        "各行结果按对数正态分布建模，几何标准差由谱系矩阵评分和基本不确定性确定。使用同一排放因子的各行视为完全相关："
        "因子的不确定性每个因子只抽样一次（共 {factors} 个因子），并用于使用该因子的每一行；活动水平数据的不确定性逐行抽样。"
        "蒙特卡洛模拟（{runs} 次，随机种子 {seed}）给出总量的范围。已评分数据覆盖碳足迹的 {coverage}。",
    ),
    "report.uncertainty.average_scores": (
        "Per-line scores are not part of the published data, so every line is given the emission-weighted "
        "average pedigree scores (covering {coverage} of the footprint) plus its basic uncertainty. Lines "
        "sharing an emission factor are treated as fully correlated (one draw per factor, {factors} factors); "
        "a Monte Carlo simulation ({runs} runs, seed {seed}) gives the range of the total.",
        "公开数据不含逐行评分，因此各行均采用按排放加权的平均谱系评分（覆盖碳足迹的 {coverage}）及其基本不确定性。"
        "使用同一排放因子的各行视为完全相关（每个因子抽样一次，共 {factors} 个因子）；"
        "蒙特卡洛模拟（{runs} 次，随机种子 {seed}）给出总量的范围。",
    ),
    "report.uncertainty.range": ("95 % range", "95% 区间"),
    "report.uncertainty.median": ("Median", "中位数"),
    "report.uncertainty.mean": ("Mean", "平均值"),
    "report.uncertainty.gsd": ("Geometric standard deviation of the total", "总量的几何标准差"),
    "report.uncertainty.method_note": (
        "Method: ecoinvent pedigree matrix (Weidema & Wesnæs; openLCA factors), σ = ½·√((ln U_b)² + Σ (ln U_i)²), "
        "U_b = 1.05 for energy and fuels, 2.0 for transport services. σ² = σ_f² + σ_a²: the factor part σ_f "
        "(U_b and the temporal, geographical and technological scores) is drawn once per emission factor and "
        "shared by every line using it; the activity part σ_a (reliability and completeness) is drawn per line.",
        "方法：ecoinvent 谱系矩阵（Weidema & Wesnæs；openLCA 取值），σ = ½·√((ln U_b)² + Σ (ln U_i)²)，"
        "能源与燃料 U_b = 1.05，运输服务 U_b = 2.0。σ² = σ_f² + σ_a²：因子部分 σ_f（U_b 及时间、地理、技术代表性评分）"
        "每个排放因子抽样一次，由使用该因子的各行共用；活动数据部分 σ_a（可靠性与完整性评分）逐行抽样。",
    ),
    # Suggestions
    "report.suggestions.intro": (
        "Based on the hotspots, the following measures would reduce the footprint:",
        "根据排放热点，在企业可行的条件下，可从以下方面降低碳足迹：",
    ),
    "report.advice.primary_data": (
        "Replace the secondary or proxy data of lines {lines} ({share} of the footprint) with measured or "
        "supplier-specific data.",
        "将第 {lines} 行的次级数据或近似替代数据（占碳足迹 {share}）替换为实测数据或供应商特定数据。",
    ),
    "report.advice.pedigree": (
        "Score each activity line on the pedigree matrix so that uncertainty can be quantified.",
        "对每条活动数据按谱系矩阵进行数据质量评分，以便定量分析不确定性。",
    ),
    "report.advice.mass": (
        "Record the product mass (reference flow); it is required for PACT data exchange.",
        "记录产品质量（基准流）；PACT 数据交换必须提供该数据。",
    ),
    "report.advice.verification": (
        "Have the footprint verified by an independent third party before communicating it publicly.",
        "对外公开碳足迹之前，委托独立第三方进行核查。",
    ),
    "report.advice.data_management": (
        "Keep records of activity data and factors, review them internally (cross-checks between sources, "
        "year-on-year comparison) and plan how to fill gaps when meters fail or methods change.",
        "建立活动数据和排放因子的文档管理与内部审核制度（不同数据源交叉核对、与历年数据比对），并制定仪表失灵或方法变更时的数据补缺措施。",
    ),
    # Factor sources and verification
    "report.confidence.P": ("primary source", "一手来源"),
    "report.confidence.S": ("secondary sources agree", "多个二手来源一致"),
    "report.confidence.S1": ("single secondary source", "单一二手来源"),
    "report.confidence.U": ("unconfirmed", "未经证实"),
    "report.confidence.user": ("user-supplied", "用户提供"),
    "report.verification.verifier": ("Verification body", "核查机构"),
    "report.verification.recalculated": (
        "Recalculated, not verified. {verifier} verified {total} kgCO₂e per declared unit (report {report}) under "
        "factor set {factor_set} and {gwp}; this report calculates {now_total} under {now_set} and {now_gwp}, "
        "so no verification applies to its numbers.",
        "重新计算，未经核查。{verifier} 核查的结果为每声明单位 {total} kgCO₂e（报告编号 {report}，因子集 {factor_set}，"
        "{gwp}）；本报告在 {now_set} 与 {now_gwp} 下计算得 {now_total}，其数值不适用任何核查结论。"),
    "report.cover.recalculated": ("Recalculated, not verified", "重新计算，未经核查"),
    "report.verification.number": ("Report number", "报告编号"),
    "report.verification.date": ("Date", "日期"),
    "report.verification.standard": ("Standard", "依据标准"),
    "report.verification.reviewer": ("Verifier", "核查人员"),
    "report.verification.missing": (
        "This footprint has not been verified by a third party; it is a self-declared result.",
        "该碳足迹未经第三方核查，为企业自我声明结果。",
    ),
    # --- Excel export ----------------------------------------------------------------------------
    "report.xlsx.custom_source": (
        "User-supplied factor (source not part of the published data)",
        "用户提供的因子（来源不在公开数据中）",
    ),
    "report.xlsx.stage_id": ("Stage id", "阶段代码"),
    "report.xlsx.hash": ("Inventory hash (sha256)", "清单哈希（sha256）"),
    "report.xlsx.item": ("Item", "项目"),
    "report.xlsx.value": ("Value", "内容"),
    "report.xlsx.factor.factor_id": ("Factor id", "因子编号"),
    "report.xlsx.factor.name": ("Name", "名称"),
    "report.xlsx.factor.value": ("Value", "数值"),
    "report.xlsx.factor.unit": ("Unit", "单位"),
    "report.xlsx.factor.family": ("Type", "类型"),
    "report.xlsx.factor.publisher": ("Publisher", "发布机构"),
    "report.xlsx.factor.document": ("Source document", "来源文件"),
    "report.xlsx.factor.publication_date": ("Publication date", "发布日期"),
    "report.xlsx.factor.vintage": ("Vintage", "数据年份"),
    "report.xlsx.factor.url": ("URL", "网址"),
    "report.xlsx.factor.confidence": ("Confidence", "可信度"),
}
