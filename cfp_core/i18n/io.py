"""Inventory templates (import/export) and the command line. (english, chinese)."""

MESSAGES = {
    # Row problems of an imported inventory file: each says what to change.
    "io.problem.missing_column": (
        "The header has no column '{column}'. Add it (download the template to see every column).",
        "表头缺少“{column}”列。请添加该列（可下载模板查看全部列）。",
    ),
    "io.problem.required": ("This cell is empty; fill it in.", "此单元格为空，请填写。"),
    "io.problem.number": ("{detail}", "{detail}"),
    "io.problem.unit": (
        "Unknown unit. Closest known units: {choices}. Any SI-prefixed, imperial or US unit is accepted "
        "(kWh, GWh, t, lb, US_gallon, t·km …; the Chinese unit names of the zh template too).",
        "未知单位。最接近的已知单位：{choices}。可填写任何带国际单位制词头的单位或英制/美制单位"
        "（kWh、GWh、t、lb、US_gallon、t·km 等；也可填写度、千瓦时、吨公里、公斤、台）。",
    ),
    "io.problem.stage": (
        "Unknown life-cycle stage. Use one of: {choices}.",
        "未知的生命周期阶段。请填写：{choices}。",
    ),
    "io.problem.data_source": (
        "Unknown or missing data-source type. Use one of: {choices}. There is no default: say for each line "
        "whether it is measured, from a supplier, a secondary default or a proxy.",
        "数据来源类型未知或未填写。请填写：{choices}。没有默认值：请逐行说明是实测、供应商数据、次级缺省值还是近似替代数据。",
    ),
    "io.problem.factor_unknown": (
        "No emission factor has this id or key. Use a factor key such as electricity.cn.national "
        "(see the factor library), or leave factor_id empty and give factor_value, factor_unit and factor_source.",
        "没有此编号或键的排放因子。请填写因子键（如 electricity.cn.national，见因子库），"
        "或将 factor_id 留空并填写 factor_value、factor_unit 和 factor_source。",
    ),
    "io.problem.factor_both": (
        "Both factor_id and factor_value are filled in. Keep one: a library factor (factor_id) or your own "
        "factor (factor_value with factor_unit and factor_source).",
        "factor_id 与 factor_value 同时填写。请只保留一种：因子库中的因子（factor_id），"
        "或自有因子（factor_value，并填写 factor_unit 和 factor_source）。",
    ),
    "io.problem.factor_neither": (
        "No emission factor given. Fill in factor_id (e.g. electricity.cn.national) or factor_value with "
        "factor_unit and factor_source.",
        "未提供排放因子。请填写 factor_id（如 electricity.cn.national），"
        "或填写 factor_value 及 factor_unit、factor_source。",
    ),
    "io.problem.factor_unit": (
        "Give the unit the factor is per, e.g. 'kWh' or 'kgCO2e/kWh' (gases: {gases}); units: {choices}.",
        "请填写因子对应的活动单位，如“kWh”或“kgCO2e/kWh”（气体：{gases}）；单位：{choices}。",
    ),
    "io.problem.factor_source": (
        "Your own factor needs a source (publisher, document, year); fill in factor_source.",
        "自有因子须注明来源（发布机构、文件、年份）；请填写 factor_source。",
    ),
    "io.problem.date": (
        "Not a date. Enter it as YYYY-MM-DD, e.g. 2025-01-01.",
        "不是有效日期。请按 YYYY-MM-DD 格式填写，例如 2025-01-01。",
    ),
    "io.problem.period_order": (
        "The period ends before it starts; period_end must be on or after period_start ({start}).",
        "报告期结束日期早于开始日期；period_end 不得早于 period_start（{start}）。",
    ),
    "io.problem.period_conflict": (
        "Period '{period}' of {model} already has dates {start} to {end} in row {first_row}; "
        "use the same dates, or a different period_label.",
        "{model} 的报告期“{period}”在第 {first_row} 行为 {start} 至 {end}；请使用相同日期或不同的 period_label。",
    ),
    "io.problem.text": ("{detail}", "{detail}"),
    "io.problem.bool": ("Enter true or false (yes/no; the zh template's words also work).", "请填写 true 或 false（是/否）。"),
    "io.problem.invalid": ("{detail}", "{detail}"),
    "io.problem.unknown_product": (
        "Product model '{value}' does not exist yet. Create the product first (Products page), then import again.",
        "产品型号“{value}”尚不存在。请先创建该产品（产品页面），再重新导入。",
    ),
    "io.problem.unknown_column": (
        "unknown column '{value}'.{hint} Rename or delete it; the template's columns are: {columns}.",
        "未知列“{value}”。{hint}请改名或删除该列；模板的列为：{columns}。",
    ),
    "io.problem.did_you_mean": (" Did you mean '{column}'?", "是否应为“{column}”？"),
    "io.problem.duplicate_column": (
        "the column '{value}' appears twice (first in column {first}). Delete one of them.",
        "列“{value}”出现了两次（第一次在第 {first} 列）。请删除其中一列。",
    ),
    "io.problem.empty_column": (
        "this header cell is empty but the column below it is not. Give the column a template name or delete it.",
        "该表头单元格为空。请填写模板中的列名，或删除该列。",
    ),
    "io.problem.too_many_columns": (
        "the header has more than {limit} columns. Keep only the template's columns.",
        "表头超过 {limit} 列。请只保留模板中的列。",
    ),
    "io.problem.extra_cells": (
        "this row has cells beyond the header's {columns} columns ('{value}'). Move the value into a named "
        "column or delete it.",
        "该行在表头的 {columns} 列之外还有内容（“{value}”）。请将其移到有列名的列中，或删除。",
    ),
    "io.problem.too_many_digits": (
        "the number has more than {limit} digits. Enter it with at most {limit} digits.",
        "数字超过 {limit} 位。请最多填写 {limit} 位数字。",
    ),
    "io.problem.out_of_range": (
        "the number is larger than {limit} in size. Check the unit and enter a realistic value.",
        "数值的绝对值超过 {limit}。请检查单位并填写合理的数值。",
    ),
    # Problems with the file as a whole (they name the file, not a row).
    "io.file.problem": ("File '{file}': {detail}", "文件“{file}”：{detail}"),
    "io.file.empty": (
        "the file is empty or has no data rows. Fill in at least one activity line below the header.",
        "文件为空或没有数据行。请在表头下方至少填写一行活动数据。",
    ),
    "io.file.encoding": (
        "the text encoding is not UTF-8 or GB18030. Save the CSV as 'CSV UTF-8' and import again.",
        "文本编码不是 UTF-8 或 GB18030。请另存为“CSV UTF-8”格式后重新导入。",
    ),
    "io.file.too_many_rows": (
        "the file has more than {limit} rows. Split it into several files.",
        "文件超过 {limit} 行。请拆分为多个文件。",
    ),
    "io.file.malformed": (
        "the file cannot be read as {kind} (damaged, truncated or another format). Save it again from "
        "Excel as .xlsx or CSV UTF-8, or start from the template.",
        "无法按 {kind} 读取该文件（文件损坏、不完整或格式不符）。请在 Excel 中另存为 .xlsx 或 CSV UTF-8，或从模板重新填写。",
    ),
    "io.file.format": (
        "unsupported file type. Upload a .csv or .xlsx file (download the template).",
        "不支持的文件类型。请上传 .csv 或 .xlsx 文件（可下载模板）。",
    ),
    "io.file.too_large": (
        "the file is {size} MB; at most {limit} MB can be imported. Split it into several files.",
        "文件大小为 {size} MB；最多可导入 {limit} MB。请拆分为多个文件。",
    ),
    "io.file.too_slow": (
        "reading the file took longer than {seconds} s. Split it into several smaller files.",
        "读取该文件超过 {seconds} 秒。请拆分为几个较小的文件。",
    ),
    "io.file.nul": (
        "the file contains NUL bytes (UTF-16 text or binary data). Save the CSV as 'CSV UTF-8' and import again.",
        "文件含有 NUL 字节（UTF-16 文本或二进制数据）。请另存为“CSV UTF-8”格式后重新导入。",
    ),
    "io.file.encoding_other": (
        "the text looks encoded as {found}, not UTF-8 or GB18030, so it cannot be read without garbling. "
        "Save the CSV as 'CSV UTF-8' and import again.",
        "该文本看起来是 {found} 编码，而非 UTF-8 或 GB18030，读取会产生乱码。请另存为“CSV UTF-8”格式后重新导入。",
    ),
    "io.file.bomb": (
        "the workbook would unpack to more than {limit} MB (or is compressed implausibly strongly). "
        "Save it again from Excel, or split it.",
        "该工作簿解压后将超过 {limit} MB（或压缩比异常）。请在 Excel 中重新保存，或拆分文件。",
    ),
    "io.file.which_sheet": (
        "the workbook has no sheet named 'inventory' and not exactly one visible sheet (sheets: {sheets}). "
        "Rename the sheet to import to 'inventory'.",
        "工作簿中没有名为“inventory”的工作表，且可见工作表不止一个（工作表：{sheets}）。请将要导入的工作表重命名为“inventory”。",
    ),
    "io.file.not_regular": (
        "this is not a regular file (a pipe, device or folder). Give the path of a saved file.",
        "这不是普通文件（而是管道、设备或文件夹）。请提供已保存文件的路径。",
    ),
    "io.kind.csv": ("CSV", "CSV"),
    "io.kind.xlsx": ("an Excel workbook (.xlsx)", "Excel 工作簿（.xlsx）"),
    # Template instructions sheet
    "io.sheet.title": ("How to fill in the inventory template", "清单模板填写说明"),
    "io.sheet.intro": (
        "One row per activity line, amounts per declared unit (e.g. per piece). Rows of the same product model "
        "and period form one inventory. The file is imported whole or not at all.",
        "每行填写一条活动数据，数量按声明单位计（如每台）。同一产品型号、同一报告期的各行构成一份清单。文件整体导入或整体不导入。",
    ),
    "io.sheet.column": ("Column", "列"),
    "io.sheet.required": ("Required", "必填"),
    "io.sheet.meaning": ("Meaning", "含义"),
    "io.sheet.choices": ("Accepted values", "可填写的值"),
    "io.sheet.stages": ("Life-cycle stages", "生命周期阶段"),
    "io.sheet.units": ("Units", "单位"),
    "io.sheet.sources": ("Data-source types", "数据来源类型"),
    "io.col.product_model": ("Product model code, e.g. WS-TPS-48-900A", "产品型号，如 WS-TPS-48-900A"),
    "io.col.period_start": ("First day of the reporting period (YYYY-MM-DD)", "报告期开始日期（YYYY-MM-DD）"),
    "io.col.period_end": ("Last day of the reporting period (YYYY-MM-DD)", "报告期结束日期（YYYY-MM-DD）"),
    "io.col.stage": ("Life-cycle stage (id, Chinese or English label)", "生命周期阶段（编号、中文或英文名称）"),
    "io.col.activity": ("What is used, e.g. 电力（生产）", "活动内容，如 电力（生产）"),
    "io.col.amount": ("Amount per declared unit (a number ≥ 0)", "每声明单位的数量（≥0 的数字）"),
    "io.col.unit": ("Unit of the amount", "数量的单位"),
    "io.col.factor_id": (
        "Library factor key or id, e.g. electricity.cn.national (empty if you give your own factor)",
        "因子库中的因子键或编号，如 electricity.cn.national（使用自有因子时留空）",
    ),
    "io.col.factor_value": ("Your own factor: kg CO₂e per factor unit", "自有因子：每因子单位的 kg CO₂e"),
    "io.col.factor_unit": ("Your own factor's unit: 'kWh' or 'kgCO2e/kWh'", "自有因子的单位：“kWh”或“kgCO2e/kWh”"),
    "io.col.factor_source": ("Your own factor's source (publisher, document, year)", "自有因子的来源（发布机构、文件、年份）"),
    "io.col.data_source_type": ("Data-source type (empty = primary, measured)", "数据来源类型（留空 = 初级数据（实测））"),
    "io.col.note": ("Note (optional)", "备注（选填）"),
    "io.col.note_internal": ("true = the note stays inside the company", "true = 备注仅限公司内部"),
    "io.col.printed_amount": ("The amount as printed in a source document (optional)", "来源文件中印刷的数量（选填）"),
    "io.col.factor_ncv": (
        "Your own per-energy factor's net calorific value, in factor unit per amount unit (e.g. 42.652 MJ per kg)",
        "自有按热值计因子的低位发热量，单位为 因子单位/数量单位（如 42.652 MJ/kg）",
    ),
    "io.col.period_label": ("Period name; empty = the year (2025) or start_end", "报告期名称；留空 = 年份（2025）或 开始_结束"),
    # Command line
    "cli.footprint.title": (
        "{model} · {period} · factor set {factor_set} · {gwp_set}",
        "{model} · {period} · 因子集 {factor_set} · {gwp_set}",
    ),
    "cli.footprint.unit": ("Unit: kgCO₂e per {unit}", "单位：kgCO₂e/{unit}"),
    "cli.footprint.choose": (
        "Give --model and --period for a stored inventory, or the path of a CSV/xlsx inventory file.",
        "请用 --model 与 --period 指定已保存的清单，或给出 CSV/xlsx 清单文件的路径。",
    ),
    "cli.footprint.not_in_file": (
        "The file has no inventory for {model} {period}. It has: {available}.",
        "文件中没有 {model} {period} 的清单。文件中有：{available}。",
    ),
    "cli.footprint.which": (
        "The file holds several inventories ({available}); choose one with --model and --period.",
        "文件包含多份清单（{available}）；请用 --model 与 --period 选择一份。",
    ),
    "cli.import.done": (
        "Imported {count} inventory(ies) in one transaction:",
        "已在同一事务中导入 {count} 份清单：",
    ),
    "cli.import.row": ("  {model} {period} → revision {revision}", "  {model} {period} → 修订版本 {revision}"),
    "cli.export.done": ("Wrote {path}", "已写入 {path}"),
    "cli.export.binary": (
        "An xlsx export is binary; give an output file with -o PATH.",
        "xlsx 导出为二进制文件；请用 -o PATH 指定输出文件。",
    ),
    "cli.seed.done": (
        "Database {path}: added {factor_sets} factor set(s), {products} product(s), {inventories} inventory(ies).",
        "数据库 {path}：新增 {factor_sets} 个因子集、{products} 个产品、{inventories} 份清单。",
    ),
    "cli.factors.none": ("No factor matches.", "没有符合条件的因子。"),
    "cli.factors.not_found": (
        "Factor '{factor_id}' is in no factor set. Run 'factors list' to see the ids.",
        "没有任何因子集包含因子“{factor_id}”。请运行“factors list”查看因子编号。",
    ),
    "cli.factors.in_sets": ("In factor sets: {sets}", "所属因子集：{sets}"),
    "cli.factors.derivation": (
        "Derived: {carbon} tC/TJ ÷ 1000 × oxidation {oxidation} × 44/12 = {value} kgCO₂/MJ",
        "推导：{carbon} tC/TJ ÷ 1000 × 碳氧化率 {oxidation} × 44/12 = {value} kgCO₂/MJ",
    ),
    "cli.factors.per_ncv": (
        "Per {unit} through NCV {ncv} {ncv_unit}: {value} kgCO₂/{unit}",
        "按低位发热量 {ncv} {ncv_unit} 折算为每{unit}：{value} kgCO₂/{unit}",
    ),
    "cli.reconcile.clean": ("No differences: every declared figure recomputes.", "无差异：所有声明数值均可复算。"),
    "cli.col.stage": ("Stage", "阶段"),
    "cli.col.kg_co2e": ("kgCO₂e", "kgCO₂e"),
    "cli.col.share": ("Share", "占比"),
    "cli.col.set": ("Set", "因子集"),
    "cli.col.factor_id": ("Factor id", "因子编号"),
    "cli.col.key": ("Key", "键"),
    "cli.col.name": ("Name", "名称"),
    "cli.col.value": ("Value", "数值"),
    "cli.col.unit": ("Unit", "单位"),
    "cli.col.family": ("Family", "类型"),
    "cli.col.vintage": ("Vintage", "年份"),
    "cli.col.confidence": ("Confidence", "可信度"),
}
