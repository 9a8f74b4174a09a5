"""Publishing, readiness checks and the footprint card. (english, chinese)."""

MESSAGES = {
    # Targets, audiences, statuses, check levels
    "publish.target.card": ("Footprint card", "碳足迹卡片"),
    "publish.target.pact_v3": ("PACT v3 data exchange", "PACT v3 数据交换"),
    "publish.target.report": ("CFP study report", "碳足迹研究报告"),
    "publish.audience.customers": ("Customers", "客户"),
    "publish.audience.public": ("Public", "公开"),
    "publish.audience.internal": ("Internal / demonstration", "内部 / 演示"),
    "publish.status.Active": ("Active", "有效"),
    "publish.status.Deprecated": ("Superseded", "已被取代"),
    "publish.status.Withdrawn": ("Withdrawn", "已撤回"),
    "publish.level.ok": ("Ready", "就绪"),
    "publish.level.advisory": ("Advisory", "建议补充"),
    "publish.level.blocking": ("Blocking", "阻止发布"),
    # Readiness checks: what is there (ok) or what is missing and why it matters (gap)
    "publish.check.results.ok": (
        "Footprint calculated: {total} kgCO₂e per {unit}.", "已计算碳足迹：{total} kgCO₂e/{unit}。"),
    "publish.check.results.gap": (
        "No calculated footprint (no activity lines or a zero total): there is nothing a customer could rely on. "
        "Enter the inventory first.",
        "尚无计算结果（没有活动数据行或合计为零），无法向客户提供可信的数值。请先录入清单。"),
    "publish.check.illustrative.ok": ("Real product data (not illustrative).", "真实产品数据（非示例数据）。"),
    "publish.check.illustrative.gap": (
        "Illustrative (demo) data: it must not reach customers or the public as a real product's footprint. "
        "Choose the audience 'Internal / demonstration' or enter real data.",
        "示例（演示）数据：不得作为真实产品的碳足迹提供给客户或公开发布。请选择受众“内部 / 演示”，或录入真实数据。"),
    "publish.check.org_factor.ok": (
        "Electricity is valued with carbon-footprint (life-cycle) factors.", "电力按碳足迹因子（全生命周期）计算。"),
    "publish.check.org_factor.gap": (
        "Factor {factors} is an organisation-accounting electricity CO₂ factor (direct combustion only, "
        "systematically lower). A product footprint must use the electricity carbon-footprint factor, otherwise "
        "the result is understated and not comparable. Use a carbon-footprint factor set (e.g. 2024).",
        "因子 {factors} 是组织层面核算用的电力二氧化碳排放因子（仅含直接燃烧排放，数值系统性偏低）。产品碳足迹必须使用"
        "电力碳足迹因子，否则结果偏低且不可比。请改用碳足迹因子集（如 2024 年）。"),
    "publish.check.provisional.ok": (
        "Every factor is confirmed against its publication.", "所有因子均已与原始发布核对。"),
    "publish.check.provisional.gap": (
        "Factor {factors} is provisional (not confirmed against the original publication); a buyer's "
        "auditor may question it. Check the source before relying on the number.",
        "因子 {factors} 为暂定值（尚未与原始发布核对），采购方审核时可能提出质疑。请先核对来源。"),
    "publish.check.verification.ok": (
        "Third-party verified: {verifier}, report {report}.", "已经第三方核查：{verifier}，报告编号 {report}。"),
    "publish.check.verification.gap": (
        "Not third-party verified: buyers usually ask for a verification statement (verifier and report "
        "number) before they accept a supplier footprint. The card will say 'self-declared'.",
        "未经第三方核查：采购方通常要求提供核查声明（核查机构和报告编号）后才接受供应商的碳足迹。卡片将标注为“自我声明”。"),
    "publish.check.verification.no_number": (
        "Verified by {verifier}, but without a report number a buyer cannot check the statement with the verifier.",
        "核查机构为 {verifier}，但缺少报告编号，采购方无法向核查机构核实。"),
    "publish.check.exclusions.ok": ("Boundary {boundary}; excluded processes named: {names}.",
                                    "系统边界：{boundary}；已列明未包含的过程：{names}。"),
    "publish.check.exclusions.gap": (
        "Stages outside the boundary without a named exclusion: {stages}. ISO 14067 requires excluded stages "
        "and processes to be stated; otherwise a reader assumes the footprint is complete.",
        "以下阶段不在系统边界内，但未列明排除的过程：{stages}。ISO 14067 要求说明排除的阶段和过程，否则读者会以为碳足迹是完整的。"),
    "publish.check.primary_data.ok": (
        "Primary data cover {share} of the footprint.", "初级数据覆盖碳足迹的 {share}。"),
    "publish.check.primary_data.gap": (
        "Primary data cover only {share} of the footprint; the rest are secondary defaults or proxies. "
        "ISO 14067 expects site-specific data for processes you control, and buyers weigh supplier data by it.",
        "初级数据仅覆盖碳足迹的 {share}，其余为次级缺省值或近似数据。ISO 14067 要求对企业可控的过程使用现场数据，采购方也据此评估供应商数据。"),
    "publish.check.dqr.ok": ("Data-quality ratings (1 best … 5): {dqr}.", "数据质量评级（1 最好 … 5）：{dqr}。"),
    "publish.check.dqr.gap": (
        "No pedigree scores, so no data-quality rating (DQR) can be shown. Optional, but buyers and PACT v3 "
        "(dqi) use it to weigh the number.",
        "没有数据质量（谱系）评分，无法给出数据质量评级（DQR）。此项可选，但采购方和 PACT v3（dqi）据此判断数值的可靠性。"),
    "publish.check.carbon_content.ok": (
        "Carbon content per declared unit: fossil {fossil} kg C, biogenic {biogenic}.",
        "每声明单位碳含量：化石碳 {fossil} kg C，生物源碳 {biogenic}。"),
    "publish.check.carbon_content.not_assessed": ("not assessed", "未评估"),
    "publish.check.carbon_content.gap": (
        "The product's fossil carbon content (kg C per declared unit) has not been assessed. PACT requires "
        "fossilCarbonContent, and this tool never reports an unassessed value as 0: enter it on the product "
        "form (Products page); 0 only if the product holds no fossil carbon (e.g. no plastics, rubber or oil).",
        "尚未评估产品的化石碳含量（kg C/声明单位）。PACT 要求 fossilCarbonContent，本工具不会把未评估的值报告为 0："
        "请在“产品”页的产品表单中填写；仅当产品不含化石碳（如无塑料、橡胶、油类）时填 0。"),
    "publish.check.product_mass.ok": ("Product mass per declared unit: {mass} kg.", "每声明单位产品质量：{mass} 千克。"),
    "publish.check.product_mass.derived": (
        "Product mass per declared unit follows from the declared unit ({unit}).",
        "每声明单位产品质量可由声明单位（{unit}）推出。"),
    "publish.check.product_mass.gap": (
        "PACT v3 requires productMassPerDeclaredUnit (kg, excluding packaging) for the declared unit '{unit}', "
        "and no product mass is stored (footprint reports often omit it). The PACT export stays blocked "
        "until the mass is entered on the product.",
        "PACT v3 要求声明单位为“{unit}”时提供 productMassPerDeclaredUnit（千克，不含包装），但尚未录入产品质量"
        "（碳足迹报告常未给出）。在产品信息中录入质量之前，无法导出 PACT。"),
    "publish.check.pact_scope.ok": ("The footprint is cradle-to-gate, as PACT expects.", "碳足迹为从摇篮到大门，符合 PACT 要求。"),
    "publish.check.pact_scope.gap": (
        "A PACT pcf is cradle-to-gate: the export carries {gate} kgCO₂e, not the cradle-to-grave total {total}. "
        "Tell the buyer which figure they receive.",
        "PACT 的 pcf 为从摇篮到大门：导出值为 {gate} kgCO₂e，而不是从摇篮到坟墓的合计 {total}。请向采购方说明所提供的是哪个数值。"),
    "publish.check.identifiers.ok": ("Company and product identifiers (URN) are stored.", "已录入企业和产品标识（URN）。"),
    "publish.check.identifiers.gap": (
        "No company or product identifiers (URN, e.g. urn:uuid or a GTIN) are stored; PACT v3 requires them, and "
        "without them a buyer cannot match the footprint to their records.",
        "尚未录入企业或产品标识（URN，如 urn:uuid 或 GTIN）。PACT v3 要求提供，否则采购方无法将碳足迹与其记录对应。"),
    "publish.check.gwp.ok": ("GWP set {gwp} (IPCC, as PACT recommends).", "GWP集 {gwp}（IPCC，符合 PACT 建议）。"),
    "publish.check.gwp.gap": (
        "The footprint uses {gwp}; the PACT methodology asks for AR6 characterisation factors. Acceptable when "
        "declared, but buyers comparing suppliers may ask.",
        "碳足迹采用 {gwp}；PACT 方法学建议采用 AR6 特征化因子。如实声明即可，但比较供应商的采购方可能会询问。"),
    "publish.check.method_rules.ok": ("Cut-off and allocation rules are described.", "已说明取舍准则和分配方法。"),
    "publish.check.method_rules.gap": (
        "Missing {missing}: an ISO 14067 study report must describe how small inputs were cut off and how shared "
        "inputs were allocated, or a reviewer cannot judge completeness.",
        "缺少{missing}：ISO 14067 研究报告必须说明小量输入的取舍方式和共用输入的分配方法，否则评审无法判断完整性。"),
    "publish.rule.cutoff": ("cut-off rule", "取舍准则"),
    "publish.rule.allocation": ("allocation rule", "分配方法"),
    "publish.gap_separator": ("; ", "；"),
    # Errors
    "publish.error.already_withdrawn": (
        "Snapshot v{version} is already withdrawn.", "快照 v{version} 已撤回。"),
    "publish.error.reason_required": (
        "Give a reason for withdrawing: buyers who open the card will see it.",
        "请填写撤回原因：打开卡片的采购方会看到该原因。"),
    "publish.error.unknown_audience": (
        "Unknown audience '{audience}'. Use one of: {choices}.", "未知受众“{audience}”。请使用：{choices}。"),
    "publish.error.no_snapshot": (
        "No published snapshot for {model} {period}. Publish first.", "{model} {period} 尚无已发布快照，请先发布。"),
    # Publish page
    "publish.intro": (
        "Publishing freezes the footprint into an immutable, versioned snapshot with a content hash. "
        "Customers open it through an unguessable link.",
        "发布会把碳足迹固化为不可更改、带版本号和内容哈希的快照。客户通过无法猜测的链接查看。"),
    "publish.audience": ("Audience", "受众"),
    "publish.readiness": ("Readiness", "发布准备情况"),
    "publish.button": ("Publish snapshot", "发布快照"),
    "publish.done": (
        "Published v{version} ({hash}). Share the card link below.", "已发布 v{version}（{hash}）。可分享下方的卡片链接。"),
    "publish.snapshots": ("Published snapshots", "已发布快照"),
    "publish.none_yet": ("Nothing published for this model yet.", "该型号尚未发布任何快照。"),
    "publish.col.version": ("Version", "版本"),
    "publish.col.period": ("Period", "报告期"),
    "publish.col.status": ("Status", "状态"),
    "publish.col.created": ("Published (UTC)", "发布时间（UTC）"),
    "publish.col.audience": ("Audience", "受众"),
    "publish.col.total": ("kgCO₂e per unit", "每单位 kgCO₂e"),
    "publish.col.hash": ("Content hash", "内容哈希"),
    "publish.select_snapshot": ("Snapshot", "快照"),
    "publish.open": ("Open card", "打开卡片"),
    "publish.open_card": ("Open card v{version}", "打开卡片 v{version}"),
    "publish.withdraw": ("Withdraw", "撤回"),
    "publish.withdraw_reason": ("Reason (shown on the card)", "撤回原因（显示在卡片上）"),
    "publish.withdrawn_done": ("v{version} withdrawn.", "v{version} 已撤回。"),
    "publish.downloads": ("Downloads", "下载"),
    "publish.prepare": ("Prepare downloads", "生成下载文件"),
    "publish.rendering": ("Preparing files…", "正在生成文件…"),
    "publish.rendered": ("Files ready.", "文件已生成。"),
    "publish.download.png": ("PNG image", "PNG 图片"),
    "publish.download.svg": ("SVG image", "SVG 矢量图"),
    "publish.download.pdf": ("PDF (A4)", "PDF（A4）"),
    "publish.download.html": ("HTML page", "HTML 网页"),
    "publish.download.json": ("JSON (with hash)", "JSON（含哈希）"),
    "publish.download.bundle": ("Static bundle (zip)", "静态网页包（zip）"),
    "publish.download.pact": ("PACT v3 JSON", "PACT v3 JSON"),
    "publish.download.report": ("Report PDF", "报告 PDF"),
    "publish.blocked": ("{what} is blocked: {gaps}", "{what}无法生成：{gaps}"),
    # The card
    "card.heading": ("Product carbon footprint", "产品碳足迹"),
    "card.declared_unit": ("Declared unit: {amount} {unit}", "声明单位：{amount} {unit}"),
    "card.model": ("Model {model}", "型号 {model}"),
    "card.per_unit": ("kgCO₂e per {unit}", "kgCO₂e/{unit}"),
    "card.total_caption": ("Carbon footprint per {unit} ({boundary})", "每{unit}产品碳足迹（{boundary}）"),
    "card.cradle_to_gate": ("Cradle-to-gate subtotal: {value} kgCO₂e", "摇篮到大门小计：{value} kgCO₂e"),
    "card.stages": ("Life-cycle stages", "生命周期各阶段"),
    "card.boundary": ("System boundary", "系统边界"),
    "card.excluded": ("Not included: {names}", "未包含：{names}"),
    "card.missing": ("Missing (no data, no reason given): {stages}", "缺失（无数据、未说明理由）：{stages}"),
    "card.period": ("Reference period", "数据时间范围"),
    "card.standards": ("Standards", "依据标准"),
    "card.pcr": ("Product category rules: {rule}", "产品种类规则：{rule}"),
    "card.factor_sources": ("Emission-factor sources", "排放因子来源"),
    "card.factor_set": ("Factor set", "因子集"),
    "card.version": ("version {version}", "版本 {version}"),
    "card.factor_data_year": ("{year} data", "{year}年数据"),
    "card.factor_published": ("published {year}", "{year}年发布"),
    "card.gwp": ("GWP set", "GWP集"),
    "card.gwp_value": ("IPCC {gwp}, 100-year GWP", "IPCC {gwp}，100年全球变暖潜势"),
    "card.data_quality": ("Data quality", "数据质量"),
    "card.primary_share": ("Primary-data share {share}", "初级数据占比 {share}"),
    "card.dqr": ("DQR technological {tech} · temporal {temporal} · geographical {geo} (1 best … 5)",
                 "DQR 技术 {tech} · 时间 {temporal} · 地理 {geo}（1 最好 … 5）"),
    "card.dqr_none": ("DQR not assessed", "未评估数据质量评级（DQR）"),
    "card.verification": ("Verification", "第三方核查"),
    "card.verified": ("{verifier} · report {report} · {date}", "{verifier} · 报告编号 {report} · {date}"),
    "card.recalculated": (
        "Recalculated, not verified — departs from the verified {total} kgCO₂e ({verifier}, report {report})",
        "重新计算，未经核查 — 与经核查的 {total} kgCO₂e 不同（{verifier}，报告编号 {report}）"),
    "card.not_verified": ("Not third-party verified (self-declared)", "未经第三方核查（自我声明）"),
    "card.snapshot": ("v{version} · {status} · published {created} UTC",
                      "v{version} · {status} · 发布于 {created}（UTC）"),
    "card.hash": ("SHA-256 {hash}", "SHA-256 {hash}"),
    "card.language": ("Language: English", "语言：中文"),
    "card.scan": ("Scan for the live card", "扫码查看在线卡片"),
    "card.link": ("Card link", "卡片链接"),
    "card.superseded": ("Superseded by v{version}. This version is kept for the record only.",
                        "已被 v{version} 取代。本版本仅作存档。"),
    "card.withdrawn": ("Withdrawn by the publisher: {reason}", "发布方已撤回：{reason}"),
    "card.illustrative": ("Illustrative data", "示例数据"),
    "card.illustrative_help": ("Demo data for illustration only, not a real product's footprint.",
                               "仅用于演示，不是真实产品的碳足迹。"),
    "card.integrity": (
        "Immutable snapshot: its SHA-256 hash, checked again whenever the card is shown, proves the content has "
        "not changed since publication.",
        "不可更改的快照：其 SHA-256 哈希在每次展示时重新校验，可证明内容自发布以来未被改动。"),
    "card.stage_col": ("Stage", "阶段"),
    "card.value_col": ("kgCO₂e", "kgCO₂e"),
    "card.share_col": ("Share", "占比"),
    "card.fact": ("Item", "项目"),
    "card.detail": ("Detail", "内容"),
    "card.missing_token": (
        "This page shows a published footprint card. Open it through the link or QR code you received.",
        "此页面用于显示已发布的碳足迹卡片，请通过收到的链接或二维码打开。"),
    "card.unknown_token": (
        "No footprint card was found for this link. It may be mistyped; ask the sender for the current link.",
        "未找到该链接对应的碳足迹卡片。链接可能有误，请向发送方索取最新链接。"),
    "card.open_successor": ("Open the current version v{version}", "查看当前版本 v{version}"),
    "card.error.font_missing": (
        "No CJK font found (looked for {paths}). Install one: apt-get install -y fonts-noto-cjk",
        "未找到中文字体（已查找 {paths}）。请安装：apt-get install -y fonts-noto-cjk"),
    "card.error.format": ("Unknown card format '{fmt}'. Use one of: {choices}.",
                          "未知卡片格式“{fmt}”。请使用：{choices}。"),
    "card.written": ("Wrote {path}", "已写入 {path}"),
}
