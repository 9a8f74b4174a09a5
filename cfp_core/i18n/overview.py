"""The "Overview" page: headline metrics, the portfolio table and role entry points. (english, chinese)."""

MESSAGES = {
    "overview.intro": (
        "The carbon footprint of each product model, per declared unit, from its latest reporting period.",
        "各产品型号最新报告期的单位产品碳足迹一览。"),
    "overview.metric.models": ("Product models", "产品型号"),
    "overview.metric.verified": ("Third-party verified", "经第三方核查"),
    "overview.metric.latest_period": ("Latest reporting period", "最新报告期"),
    "overview.metric.featured": ("{model} footprint ({period})", "{model} 碳足迹（{period}）"),
    "overview.metric.featured_help": (
        "Per declared unit, cradle-to-grave as reported, under the study's own factor set.",
        "按声明单位计，按报告所述边界，使用该研究自身的因子集。"),
    "overview.metric.none": ("No footprint yet", "暂无碳足迹"),
    "overview.table.title": ("Latest footprint per model", "各型号最新碳足迹"),
    "overview.col.model": ("Model", "型号"),
    "overview.col.name": ("Product", "产品"),
    "overview.col.period": ("Period", "报告期"),
    "overview.col.total": ("kgCO₂e per unit", "单位碳足迹 kgCO₂e"),
    "overview.col.unit": ("Declared unit", "声明单位"),
    "overview.col.delta": ("Change vs previous period", "较上期变化"),
    "overview.col.delta_help": (
        "Relative change of the total against the previous reporting period (negative = lower footprint).",
        "合计值相对上一报告期的变化（负值表示碳足迹下降）。"),
    "overview.col.trend": ("Trend", "趋势"),
    "overview.col.trend_help": ("Total per reporting period, oldest first.", "各报告期合计值，按时间先后。"),
    "overview.col.completeness": ("Data completeness", "数据完整度"),
    "overview.col.completeness_help": (
        "Stages with data out of the stages the study includes.", "有数据的阶段占研究所含阶段的比例。"),
    "overview.col.primary": ("Primary-data share", "初级数据占比"),
    "overview.col.verified": ("Verified", "已核查"),
    "overview.col.mass": ("Mass known", "已填质量"),
    "overview.col.illustrative": ("Illustrative", "示例数据"),
    "overview.col.problem": ("Needs attention", "待处理"),
    "overview.illustrative_note": (
        "'Illustrative data' marks demo data, not real products; 'Earlier periods illustrative' means the latest "
        "figure is real but the trend and change use demo data for earlier periods.",
        "“示例数据”表示演示数据，并非真实产品；“往期为示例数据”表示最新数值真实，但趋势和变化所用的往期数据为演示数据。"),
    "overview.mark.history_illustrative": ("Earlier periods illustrative", "往期为示例数据"),
    "overview.empty": (
        "No product models yet. Create one on the Products & data entry page.",
        "还没有产品型号。请在“产品与数据录入”页面新建。"),
    "overview.problem": ("{period}: {detail}", "{period}：{detail}"),
    "overview.roles.title": ("Where to start", "从这里开始"),
    "overview.role.sales": ("Sales", "销售"),
    "overview.role.sales_text": (
        "Show customers a trustworthy footprint card and explain where each number comes from.",
        "向客户展示可信的碳足迹卡片，并说明每个数字的来源。"),
    "overview.role.procurement": ("Procurement", "采购"),
    "overview.role.procurement_text": (
        "Compare product models side by side, stage by stage, per declared unit.",
        "按声明单位、逐阶段并排对比不同产品型号。"),
    "overview.role.management": ("Management", "管理层"),
    "overview.role.management_text": (
        "Watch how footprints change from period to period, and why.", "查看碳足迹在各报告期间的变化及原因。"),
    "overview.role.data": (
        "New product or new data? Enter it on the Products & data entry page.",
        "有新产品或新数据？请到“产品与数据录入”页面填写。"),
}
