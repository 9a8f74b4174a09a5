"""The "Products & data entry" page: editor columns, row issues, product form, history, import. (english, chinese)."""

MESSAGES = {
    "products.intro": (
        "Three steps: ① choose or create a product model, ② enter its activity data per declared unit, "
        "③ save. The footprint updates as you type; nothing is saved until every row is valid.",
        "三步完成：① 选择或新建产品型号；② 按声明单位填写活动数据；③ 保存。填写时碳足迹实时更新；所有行都有效后才能保存。",
    ),
    "products.no_products": ("No product models yet: create one below.", "还没有产品型号：请在下方新建。"),
    "products.new_model": ("+ New product model", "＋ 新建产品型号"),
    "products.tab.entry": ("Data entry", "数据录入"),
    "products.tab.product": ("Product details", "产品信息"),
    "products.tab.history": ("History", "修订历史"),
    "products.tab.import": ("Import", "导入"),
    # editor columns
    "products.col.note_internal": ("Internal only", "仅内部可见"),
    "products.help.stage": ("Life-cycle stage the activity belongs to.", "该活动所属的生命周期阶段。"),
    "products.help.activity": (
        "What is used or emitted, e.g. 'Electricity, assembly line'.", "使用或排放的是什么，例如“电力（装配线）”。"),
    "products.help.amount": (
        "How much per ONE declared unit of the product (e.g. per piece), not per year.",
        "每一个声明单位产品（例如每台）的用量，不是全年总量。"),
    "products.help.unit": (
        "Unit of the amount: any unit that fits the factor, with SI prefixes or imperial/US units (kWh, GWh, TJ, kg, "
        "lb, short_ton, US_gallon, t·km …) or their Chinese names (for kWh, t and t·km).",
        "数量的单位：与因子匹配的任何单位，可带国际单位制词头或使用英制/美制单位（kWh、GWh、TJ、kg、lb、short_ton、"
        "US_gallon、t·km 等），也可用中文名称（度、吨、吨公里）。"),
    "products.help.factor": (
        "The emission factor that turns the amount into kgCO₂e. It must fit the unit (kg of diesel fits a per-MJ "
        "fuel factor through its calorific value).",
        "把数量换算为 kgCO₂e 的排放因子，须与单位匹配（柴油千克数可通过低位发热量匹配按兆焦计的燃料因子）。"),
    "products.help.data_source": (
        "Required, no default. Measured or supplier data is primary; defaults and proxies are secondary.",
        "必填，无默认值。实测或供应商数据为初级数据；缺省值和近似替代数据为次级数据。"),
    "products.help.note": ("Where the number comes from.", "数据来源说明。"),
    "products.help.note_internal": (
        "Tick to keep the note inside the company (never on cards or exports).",
        "勾选后备注仅内部可见（不会出现在卡片和导出文件中）。"),
    "products.editor.caption": (
        "Amounts are per {unit}. Add rows at the bottom of the table; every row with content is either counted or "
        "listed below with what to fix (never dropped). Unsaved edits are kept while you switch language or page. "
        "Select a row and press Delete to remove it.",
        "数量均按每{unit}计。在表格底部添加行；有内容的行要么计入，要么在下方列出需修正之处（绝不丢弃）。"
        "切换语言或页面时未保存的修改会保留。选中行后按 Delete 键删除。"),
    "products.factor.custom": ("Custom: {source} · {value} kg{gas}/{unit}", "自定义：{source} · {value} kg{gas}/{unit}"),
    "products.draft.unsaved": (
        "This table has unsaved edits. They are kept while you switch language or visit other pages; "
        "save them as a new revision, or discard them.",
        "此表有未保存的修改。切换语言或访问其他页面时会保留；请保存为新修订版本，或放弃修改。"),
    "products.draft.discard": ("Discard edits", "放弃修改"),
    # row issues
    "products.issue.row": (
        "Row {row}, column '{column}' (value '{value}'): {fix}", "第 {row} 行，“{column}”列（值“{value}”）：{fix}"),
    "products.issue.stage": ("Choose a stage from the list.", "请从列表中选择阶段。"),
    "products.issue.data_source": ("Choose a data source from the list.", "请从列表中选择数据来源。"),
    "products.issue.unit_missing": (
        "Enter the unit of the amount (kWh, kg, t·km, GWh, lb, 度 …).", "请填写数量的单位（kWh、kg、吨公里、GWh、lb、度等）。"),
    "products.issue.data_source_missing": (
        "Choose the data source: measured, supplier-specific, secondary default or proxy. There is no default, "
        "so nothing claims primary data unless you say so.",
        "请选择数据来源：实测、供应商数据、次级缺省值或近似替代数据。没有默认值，未经选择不会被计为初级数据。"),
    "products.issue.activity_missing": (
        "Name the activity (what is used or emitted); the row is kept until you do.",
        "请填写活动名称（使用或排放的是什么）；填写前该行保留在表中。"),
    "products.issue.amount_text": (
        "Not a number. Type digits only, with a dot for decimals (e.g. 41.62 or 2e3); put the unit in the Unit column.",
        "不是数字。请只填写数字，小数用点（如 41.62 或 2e3）；单位请填在“单位”列。"),
    "products.issue.amount_comma": (
        "Use a dot for decimals and no thousands separators (1500 or 1.5, not 1,500).",
        "小数请用点，不要使用千位分隔符（写 1500 或 1.5，不要写 1,500）。"),
    "products.issue.amount_missing": (
        "Enter the amount per declared unit (a number of at least 0).", "请填写每声明单位的数量（不小于 0 的数字）。"),
    "products.issue.factor_missing": ("Choose an emission factor from the list.", "请从列表中选择排放因子。"),
    "products.issue.factor_unknown": (
        "This factor is not in the factor set '{set_name}'; choose one from the list.",
        "该因子不在因子集“{set_name}”中，请从列表中选择。"),
    "products.issue.unit_mismatch": (
        "The unit {unit} does not fit the chosen factor (per {factor_unit}). Enter the amount in one of: "
        "{choices}; or choose a factor per {unit}.",
        "单位 {unit} 与所选因子（每 {factor_unit}）不匹配。请改用以下单位之一填写数量：{choices}；或选择以 {unit} 计的因子。"),
    "products.issues.head": (
        "{count} row problem(s): these rows are left out of the preview and block saving.",
        "{count} 处问题：这些行未计入预览，修正前无法保存。"),
    # preview and save
    "products.preview.title": ("Live footprint of this table", "本表实时碳足迹"),
    "products.preview.total": ("Footprint per {unit}", "每{unit}碳足迹"),
    "products.preview.delta": ("{delta} vs saved revision", "较已保存版本 {delta}"),
    "products.preview.rows": ("Rows counted", "已计入行数"),
    "products.save.button": ("Save as a new revision", "保存为新修订版本"),
    "products.save.comment": ("What changed (optional)", "修改说明（可选）"),
    "products.save.blocked": (
        "Fix the rows listed above first: nothing is saved until every row is valid.",
        "请先修正上面列出的行：所有行都有效后才能保存。"),
    "products.save.done": ("Saved revision {revision} of {model} {period}.", "已保存 {model} {period} 的第 {revision} 版。"),
    "products.save.drops_verification": (
        "These changes alter the verified numbers: the saved revision will no longer carry the third-party "
        "verification ({verifier}).",
        "这些修改改变了已核查的数据：保存后的新版本将不再带有第三方核查标识（{verifier}）。"),
    "products.error.rejected": (
        "Not saved: {count} row problem(s) need fixing first.", "未保存：需先修正 {count} 处问题。"),
    "products.error.no_lines": ("Add at least one row before saving.", "保存前请至少添加一行数据。"),
    "products.error.no_changes": (
        "Nothing changed since revision {revision}; nothing was saved.", "与第 {revision} 版相比没有变化，未保存。"),
    "products.error.same_period": (
        "Choose a period other than {period} to copy into.", "请选择 {period} 以外的报告期作为复制目标。"),
    # periods and copying
    "products.period.select": ("Reporting period", "报告期"),
    "products.period.new": ("{label} (new)", "{label}（新建）"),
    "products.period.empty": (
        "No data for {period} yet. Add rows to the table, or copy last period's data and update it.",
        "{period} 还没有数据。请在表格中添加行，或复制上一报告期的数据后修改。"),
    "products.copy.button": ("Copy data from {period}", "复制 {period} 的数据"),
    "products.copy.done": (
        "Copied {source} into {period} (revision {revision}). Check and update the amounts.",
        "已将 {source} 的数据复制到 {period}（第 {revision} 版），请核对并更新数量。"),
    "products.copy.comment": ("Copied from {source}", "复制自 {source}"),
    # product form
    "products.form.create": ("Create a product model", "新建产品型号"),
    "products.form.edit": ("Edit product details", "编辑产品信息"),
    "products.form.model_code": ("Model code", "型号代码"),
    "products.form.model_code_help": ("Letters, digits and . _ - e.g. WS-TPS-48-900A.", "字母、数字及 . _ -，例如 WS-TPS-48-900A。"),
    "products.form.name_zh": ("Name (Chinese)", "中文名称"),
    "products.form.name_en": ("Name (English)", "英文名称"),
    "products.form.description": ("Description", "产品描述"),
    "products.form.org": ("Organisation", "组织"),
    "products.form.unit_help": (
        "The footprint is declared per one of these (e.g. per piece).", "碳足迹按一个声明单位（例如每台）声明。"),
    "products.form.mass_help": ("Optional; 0 means not given. Allows kgCO₂e per kg.", "可选；0 表示未填写。填写后可计算每千克产品碳足迹。"),
    "products.form.carbon_help": (
        "Mass of carbon in the product (e.g. polypropylene holds 0.857 kg C per kg). Leave empty if not assessed; 0 means "
        "none. PACT exports need the fossil value.",
        "产品所含碳的质量（如聚丙烯含碳 0.857 kg C/kg）。未评估请留空；0 表示不含。PACT 导出需要化石碳含量。"),
    "products.form.pcr_name": ("Product category rules (PCR) or group standard followed (empty = none)",
                               "采用的产品种类规则（PCR）或团体标准（留空表示无）"),
    "products.form.pcr_number": ("PCR number", "PCR 编号"),
    "products.form.pcr_version": ("PCR version", "PCR 版本"),
    "products.form.pcr_issuer": ("PCR issuer (e.g. EPD International)", "PCR 发布机构（如 EPD International）"),
    "products.form.submit": ("Save product", "保存产品"),
    "products.form.saved": ("Saved product {code} (revision {revision}).", "已保存产品 {code}（第 {revision} 版）。"),
    "products.form.name_required": ("Enter a name (Chinese or English).", "请填写名称（中文或英文）。"),
    "products.form.exists": (
        "Model code {code} already exists; choose it in the list above to edit it.",
        "型号代码 {code} 已存在；请在上方列表中选择它进行编辑。"),
    # history
    "products.history.empty": ("No saved revisions for this period yet.", "该报告期还没有已保存的版本。"),
    "products.history.created_at": ("Saved at (UTC)", "保存时间（UTC）"),
    "products.history.author": ("Author", "作者"),
    "products.history.comment": ("Comment", "说明"),
    "products.history.lines": ("Rows", "行数"),
    "products.history.unknown_author": ("(not given)", "（未填写）"),
    "products.history.compare": ("Compare two revisions", "对比两个版本"),
    "products.history.from": ("From revision", "旧版本"),
    "products.history.to": ("To revision", "新版本"),
    "products.history.same": ("No differences between these revisions.", "这两个版本没有差异。"),
    "products.diff.change": ("Change", "变化"),
    "products.diff.field": ("What", "内容"),
    "products.diff.old": ("Before", "修改前"),
    "products.diff.new": ("After", "修改后"),
    "products.diff.added": ("Added", "新增"),
    "products.diff.removed": ("Removed", "删除"),
    "products.diff.changed": ("Changed", "修改"),
    "products.diff.printed_amount": ("Amount as printed in the source", "来源文件所印数量"),
    "products.diff.pedigree": ("Pedigree scores", "数据质量评分"),
    "products.diff.boundary": ("System boundary", "系统边界"),
    "products.diff.included_stages": ("Included stages", "包含的阶段"),
    "products.diff.excluded": ("Excluded processes", "排除的过程"),
    "products.diff.cutoff_rule": ("Cut-off rule", "取舍规则"),
    "products.diff.allocation_rule": ("Allocation rule", "分配规则"),
    "products.diff.exempted_percent": ("Exempted share (%)", "豁免比例（%）"),
    "products.diff.period": ("Reporting period", "报告期"),
    "products.diff.factor_set_id": ("Factor set", "因子集"),
    "products.diff.gwp_set": ("GWP set", "GWP集"),
    "products.diff.verification": ("Third-party verification", "第三方核查"),
    "products.diff.declared": ("Figures declared by the report", "报告声明的结果"),
    "products.diff.declared_stages": ("stage figures only", "仅各阶段结果"),
    "products.diff.standards": ("Standards", "依据标准"),
    "products.diff.illustrative": ("Illustrative data", "示例数据"),
    "products.diff.note": ("Inventory note", "清单备注"),
    # import
    "products.import.intro": (
        "Fill in a template (one row per activity line, amounts per declared unit) and upload it. A file with "
        "any bad row is rejected whole and nothing is saved.",
        "下载模板填写（每行一条活动数据，数量按声明单位计）后上传。文件中只要有一行有误就整体拒收，不保存任何数据。"),
    "products.import.template_csv": ("Download CSV template", "下载 CSV 模板"),
    "products.import.template_xlsx": ("Download Excel template", "下载 Excel 模板"),
    "products.import.upload": ("CSV or Excel file", "CSV 或 Excel 文件"),
    "products.import.parsing": ("Reading {name}…", "正在读取 {name}…"),
    "products.import.checked": ("{count} inventory(ies) read and checked.", "已读取并检查 {count} 份清单。"),
    "products.import.button": ("Import", "导入"),
    "products.import.button.replace": ("Import: replace the stored lines", "导入：替换已存数据行"),
    "products.import.button.append": ("Import: append to the stored lines", "导入：追加到已存数据行之后"),
    "products.import.mode": ("What should the file do?", "文件如何导入？"),
    "products.import.mode.replace": ("Replace", "替换"),
    "products.import.mode.append": ("Append", "追加"),
    "products.import.mode_help": (
        "Replace: the file's lines become the inventory (stored lines not in the file are removed). Append: the "
        "file's lines are added after the stored ones. Either way a new revision is saved; older ones can be restored.",
        "替换：文件中的行成为清单（文件中没有的已存行将被删除）。追加：文件中的行加在已存行之后。两种方式都会保存为新版本，旧版本可随时恢复。"),
    "products.import.choose_mode": (
        "Choose Replace or Append to see what the import would change before anything is saved.",
        "请选择“替换”或“追加”，保存前先查看导入将带来的变化。"),
    "products.import.preview_line": (
        "{model} {period}: +{added} added, {changed} changed, −{removed} removed ({before} → {after} lines); "
        "total {kg_before} → {kg_after} kgCO₂e per declared unit.",
        "{model} {period}：新增 {added} 行，修改 {changed} 行，删除 {removed} 行（{before} → {after} 行）；"
        "合计 {kg_before} → {kg_after} kgCO₂e/声明单位。"),
    "products.import.preview_details": ("Line by line: {model} {period}", "逐行对比：{model} {period}"),
    "products.restore.pick": ("Restore an earlier revision", "恢复较早的版本"),
    "products.restore.button": ("Restore revision {revision}", "恢复第 {revision} 版"),
    "products.restore.comment": ("Restored revision {revision}", "恢复第 {revision} 版"),
    "products.restore.done": (
        "Revision {old} restored as revision {revision}; nothing in between was deleted.",
        "已将第 {old} 版恢复为第 {revision} 版；中间各版本均保留。"),
    "products.import.done": ("Imported {count} inventory(ies) as new revisions.", "已导入 {count} 份清单（均为新版本）。"),
    "products.import.failed": ("The file was not imported.", "文件未导入。"),
}
