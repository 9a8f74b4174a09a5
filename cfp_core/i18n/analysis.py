"""Comparisons, factor-version analysis, trends, hotspots and suggestions. (english, chinese)."""

MESSAGES = {
    # Shared analysis vocabulary
    "analysis.illustrative_mark": ("{model} (illustrative)", "{model}（示例）"),
    "analysis.delta_col": ("Δ {model}", "Δ {model}"),
    "analysis.pct_col": ("Δ% {model}", "Δ% {model}"),
    "analysis.delta_total": ("Δ vs baseline", "Δ 较基准"),
    "analysis.pct_total": ("Δ% vs baseline", "Δ% 较基准"),
    "analysis.mixed_units": ("declared unit (differs by model)", "声明单位（各型号不同）"),
    "analysis.waterfall.total": ("Total", "合计"),
    "analysis.waterfall.increase": ("Increase", "增加"),
    "analysis.waterfall.decrease": ("Decrease", "减少"),
    "analysis.warn.org_family_in_set": (
        "Factor set “{set}” values electricity with organisation-accounting CO₂ emission factors ({factors}): "
        "CO₂ only, meant for corporate inventories. A product carbon footprint should use the electricity "
        "carbon-footprint factor; results under this set are not comparable with a product footprint.",
        "因子集“{set}”以组织层面核算用的电力二氧化碳排放因子（{factors}）计算电力：仅含CO₂，用于企业温室气体核算。"
        "产品碳足迹应使用电力碳足迹因子；该因子集下的结果不能与产品碳足迹直接比较。",
    ),
    "analysis.warn.mixed_in_set": (
        "Factor set “{set}” mixes organisation-accounting and carbon-footprint electricity factors in one footprint.",
        "因子集“{set}”在同一碳足迹中混用了组织核算用电力排放因子和电力碳足迹因子。",
    ),
    "analysis.warn.families_differ": (
        "“{factor}” is valued with different factor families in the compared sets ({families}): "
        "part of the difference is a change of method, not of data.",
        "所比较的因子集对“{factor}”使用了不同类型的因子（{families}）：差异部分来自核算方法的改变，而非数据变化。",
    ),
    "analysis.mover": (
        "{factor}: {values} ({pct}) {direction} the total by {amount} kgCO₂e ({share} of the change).",
        "{factor}：{values}（{pct}），使总量{direction} {amount} kgCO₂e（占变化的 {share}）。",
    ),
    "analysis.mover.lowers": ("lowers", "降低"),
    "analysis.mover.raises": ("raises", "增加"),
    "analysis.no_change": ("The total is the same under these factor sets.", "在这些因子集下总量相同。"),
    # Compare models page
    "compare.models": ("Product models", "产品型号"),
    "compare.baseline": ("Baseline model", "基准型号"),
    "compare.per_kg": ("Per kg of product", "按每千克产品"),
    "compare.per_kg_help": (
        "Divide by the product mass; models without a mass show “—”.",
        "除以产品质量；未填写质量的型号显示“—”。",
    ),
    "compare.no_models": ("No product model has data for this period.", "该报告期没有任何型号的数据。"),
    "compare.pick_models": ("Choose at least one product model.", "请至少选择一个产品型号。"),
    "compare.table_title": ("Stage results side by side", "各阶段结果对比"),
    "compare.chart_title": ("Footprint by stage", "各阶段碳足迹"),
    "compare.unit_caption": (
        "Values in {unit}; Δ and Δ% against the baseline {baseline}. “—”: no product mass recorded.",
        "单位：{unit}；Δ 与 Δ% 均相对于基准型号 {baseline}。“—”：未记录产品质量。",
    ),
    "compare.chart_capped": (
        "The chart shows the first {shown} of {count} models; the table and the CSV have all of them.",
        "图表仅显示 {count} 个型号中的前 {shown} 个；表格和 CSV 包含全部型号。",
    ),
    "compare.metric_delta": ("{delta} vs baseline", "较基准 {delta}"),
    "compare.csv_name": ("model-comparison", "型号对比"),
    # Compare factor versions page
    "compare.fs.sets": ("Factor sets (the first is the reference)", "因子集（第一个为参照）"),
    "compare.fs.need_two": ("Choose at least two factor sets to compare.", "请至少选择两个因子集进行比较。"),
    "compare.fs.not_comparable": ("{set} (organisation CO₂, not a product footprint)", "{set}（组织层面二氧化碳，非产品碳足迹）"),
    "compare.fs.axis_zoomed": (
        "The axis starts at {start} kgCO₂e, not zero, so the changes are wide enough to see; the grey bars are the totals.",
        "横轴从 {start} kgCO₂e 起（而非零），以便看清各项变化；灰色条为总量。"),
    "compare.fs.from": ("Waterfall from", "瀑布图起点"),
    "compare.fs.to": ("Waterfall to", "瀑布图终点"),
    "compare.fs.table_title": ("Stage results under each factor set", "各因子集下的阶段结果"),
    "compare.fs.waterfall_title": ("What moves the total", "总量变化的来源"),
    "compare.fs.attribution_title": ("Change by factor and stage", "按因子和阶段分解的变化"),
    "compare.fs.caption": (
        "Same activity data, different factor versions: every difference comes from the factors.",
        "活动数据相同、因子版本不同：所有差异都来自排放因子。",
    ),
    "compare.fs.col.factor": ("Emission factor", "排放因子"),
    "compare.fs.col.old": ("Factor (from)", "因子（起）"),
    "compare.fs.col.new": ("Factor (to)", "因子（止）"),
    "compare.fs.col.unit": ("Factor unit", "因子单位"),
    "compare.fs.col.delta": ("Change (kgCO₂e)", "变化（kgCO₂e）"),
    # Trends page
    "trends.all_models": ("All models", "全部型号"),
    "trends.basis": ("Factor basis", "因子口径"),
    "trends.basis.declared": ("Each period's declared factor set", "各报告期声明的因子集"),
    "trends.chart_title": ("Carbon footprint over reporting periods", "各报告期碳足迹"),
    "trends.leading_models": (
        "The chart draws the {shown} models with the largest footprint in their latest period, of {total}"
        " (real data before demo data). The CSV lists every model; pick one model to see why it changed.",
        "图中为最新报告期碳足迹最大的 {shown} 个型号（共 {total} 个，真实数据优先于示例数据）。"
        "CSV 包含全部型号；选择单个型号可查看变化原因。"),
    "trends.period_a": ("From period", "起始报告期"),
    "trends.period_b": ("To period", "终止报告期"),
    "trends.decomp_title": ("Why it changed: {a} → {b}", "变化原因：{a} → {b}"),
    "trends.method": (
        "Shapley two-factor decomposition (symmetric, no residual)",
        "Shapley 双因素分解（对称，无残差）",
    ),
    "trends.method_help": (
        "For E = Σ activity × factor: activity effect = Σ Δactivity × mean factor, factor effect = Σ Δfactor × "
        "mean activity. Lines are matched by stage, factor and unit; new or removed lines count as activity.",
        "对于 E = Σ 活动量 × 因子：活动水平效应 = Σ 活动量变化 × 两期因子均值；排放因子效应 = Σ 因子变化 × 两期活动量均值。"
        "按阶段、因子和单位匹配各行；新增或取消的活动计入活动水平效应。",
    ),
    "trends.effect.activity": ("Activity effect", "活动水平效应"),
    "trends.effect.factor": ("Factor effect", "排放因子效应"),
    "trends.effect.activity_help": ("Less (or more) activity: real improvement", "活动量的减少（或增加）：实际改进"),
    "trends.effect.factor_help": ("Changed emission factors, e.g. a cleaner grid", "排放因子的变化，例如电网变清洁"),
    "trends.change": ("Total change", "总变化"),
    "trends.status.matched": ("In both periods", "两期均有"),
    "trends.status.new": ("New activity", "新增活动"),
    "trends.status.removed": ("Removed activity", "取消的活动"),
    "trends.need_two_periods": (
        "The decomposition needs two reporting periods of one model.",
        "变化分解需要同一型号的两个报告期。",
    ),
    "trends.pick_one_model": (
        "Choose one product model to see the decomposition, hotspots and suggestions.",
        "选择单个产品型号以查看变化分解、热点和改进建议。",
    ),
    "trends.hotspots_title": ("Hotspots in {period}", "{period} 年热点"),
    "trends.suggestions_title": ("Improvement suggestions", "改进建议"),
    "trends.col.kind": ("Kind", "类型"),
    "trends.col.item": ("Stage or line", "阶段或活动"),
    "trends.col.status": ("Status", "状态"),
    "analysis.hotspot_kind.stage": ("Stage", "阶段"),
    "analysis.hotspot_kind.line": ("Activity line", "活动行"),
    # Suggestions ({activity}: the hotspot line, {share}: its share of the footprint)
    "analysis.suggest.stage.raw_material_acquisition": (
        "{stage} is the largest stage ({share}): ask key suppliers for supplier-specific footprints, "
        "prefer low-carbon materials and reduce material use through design.",
        "{stage}阶段排放最大（{share}）：向主要供应商索取供应商特定碳足迹数据，优先选用低碳材料，并通过设计减少材料用量。",
    ),
    "analysis.suggest.stage.raw_material_transport": (
        "{stage} is the largest stage ({share}): raise truck load factors, shift to rail or water and "
        "favour nearer suppliers.",
        "{stage}阶段排放最大（{share}）：提高车辆装载率，转向铁路或水运，并优先选择距离较近的供应商。",
    ),
    "analysis.suggest.stage.production": (
        "{stage} is the largest stage ({share}): improve energy efficiency in production, meter "
        "electricity per line or product, and increase the share of renewable electricity.",
        "{stage}阶段排放最大（{share}）：提升生产能效，按产线或产品分表计量用电，并提高可再生电力比例。",
    ),
    "analysis.suggest.stage.distribution": (
        "{stage} is the largest stage ({share}): optimise delivery routes and loads and use low-carbon "
        "transport modes.",
        "{stage}阶段排放最大（{share}）：优化配送路线与装载，采用低碳运输方式。",
    ),
    "analysis.suggest.stage.use": (
        "{stage} is the largest stage ({share}): raise the product's energy efficiency in use.",
        "{stage}阶段排放最大（{share}）：提高产品使用阶段的能效。",
    ),
    "analysis.suggest.stage.end_of_life": (
        "{stage} is the largest stage ({share}): design for disassembly and recycling and reduce "
        "energy used in dismantling.",
        "{stage}阶段排放最大（{share}）：开展易拆解、易回收设计，并降低拆解过程能耗。",
    ),
    "analysis.suggest.efficiency": (
        "{activity} ({share} of the footprint): cut production electricity — sub-metering, efficient burn-in "
        "and test equipment, recovering burn-in energy, no idle running.",
        "{activity}（占碳足迹 {share}）：降低生产用电——分项计量、高效老化与测试设备、老化能量回馈、减少空载运行。",
    ),
    "analysis.suggest.green_power": (
        "{activity} ({share}): green-power procurement (green certificates / green power trading) needs "
        "certificates for the matching period; the CFP keeps the national average grid factor unless the "
        "product standard allows market-based instruments, so report it separately.",
        "{activity}（占 {share}）：采购绿电（绿证/绿电交易）需取得对应期间的证书；除非产品标准允许采用市场化工具，"
        "碳足迹仍按全国电网平均因子计算，绿电效果应单独说明。",
    ),
    "analysis.suggest.supplier_data": (
        "{activity} ({share}): this raw-material stage is valued with a proxy; collect supplier-specific "
        "material data (bill of materials with masses, supplier footprints) to replace it.",
        "{activity}（占 {share}）：原材料阶段采用近似替代数据估算；请收集供应商特定数据（含质量的物料清单、供应商碳足迹）加以替换。",
    ),
    "analysis.suggest.logistics": (
        "{activity} ({share}): raise truck load factors, combine shipments, shift long hauls to rail or "
        "use electric trucks for short hauls.",
        "{activity}（占 {share}）：提高货车装载率、合并发运，长途改用铁路，短途使用电动货车。",
    ),
    "analysis.suggest.heat": (
        "{activity} ({share}): recover waste heat and consider electrifying process heat (heat pumps).",
        "{activity}（占 {share}）：回收余热，并考虑以热泵等方式实现工艺加热电气化。",
    ),
    "analysis.suggest.end_of_life": (
        "{activity} ({share}): streamline disassembly and agree take-back and recycling with a certified recycler.",
        "{activity}（占 {share}）：优化拆解工艺，与有资质的回收企业约定回收与再利用。",
    ),
    "analysis.suggest.primary_data": (
        "{activity} ({share}): based on secondary data; measure it (primary data) to make the result more reliable.",
        "{activity}（占 {share}）：目前为次级数据；实测（初级数据）可提高结果可靠性。",
    ),
    "analysis.suggest.custom_factor": (
        "{activity} ({share}): uses a user-supplied factor; check its source and prefer a published factor.",
        "{activity}（占 {share}）：使用用户自定义因子；请核对来源，优先使用已发布的因子。",
    ),
}
