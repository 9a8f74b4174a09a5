"""Declared figures entered by users for reconciliation. (english, chinese)."""

MESSAGES = {
    "declared.scope.line": ("line", "行"),
    "declared.scope.stage": ("stage", "阶段"),
    "declared.scope.total": ("total", "合计"),
    "declared.problem.scope": (
        "Unknown scope. Use line, stage or total.",
        "范围未知。请填写：行、阶段或合计。",
    ),
    "declared.problem.number": (
        "Enter the figure as printed: digits with an optional decimal point (12.35; a result may start with "
        "a minus sign for a credit, -3.20), no plus sign, exponent, formula or text.",
        "请按报告所印填写数值：数字，可带小数点（如 12.35；结果为抵扣时可带负号，如 -3.20），不可带正号、指数、公式或文字。",
    ),
    "declared.problem.line_no": (
        "Enter the number of a line of this inventory (1 to {count}).",
        "请填写本清单中的行号（1 至 {count}）。",
    ),
    "declared.problem.stage": (
        "Unknown life-cycle stage. Use one of: {choices}.",
        "未知的生命周期阶段。请填写：{choices}。",
    ),
    "declared.file.csv_only": (
        "Declared figures are read from CSV only: a spreadsheet cell drops the trailing zeros that set a "
        "figure's printed precision. Save the sheet as CSV (UTF-8) and import that file.",
        "声明数值仅从 CSV 文件读取：电子表格单元格会去掉末尾的零，而这些零决定所印精度。请将表格另存为 CSV（UTF-8）后导入。",
    ),
}

MESSAGES |= {
    "explain.declared.title": ("Reconcile against your own declared figures", "按您录入的声明数值核对"),
    "explain.declared.intro": (
        "Enter the figures a report declares, per line (line number), per stage and the total, as printed. "
        "Each figure is checked at half a unit of its last printed digit (12.35: ±0.005). Download a template, "
        "fill in the figures and paste the CSV text below or upload the file.",
        "按报告所印录入声明数值：逐行（行号）、逐阶段及合计。每个数值按其最后一位所印数字的半个单位核对"
        "（12.35：±0.005）。请下载模板，填写数值后将 CSV 文本粘贴到下方或上传文件。",
    ),
    "explain.declared.template_en": ("Template (English header)", "模板（英文表头）"),
    "explain.declared.template_zh": ("Template (Chinese header)", "模板（中文表头）"),
    "explain.declared.text": ("Declared figures (CSV text, header included)", "声明数值（CSV 文本，含表头）"),
    "explain.declared.submit": ("Reconcile", "核对"),
    "explain.declared.keep": ("Reconcile and keep", "核对并保存"),
    "explain.declared.upload": ("…or upload the filled-in CSV template", "……或上传填好的 CSV 模板"),
    "explain.declared.kept": (
        "Declared figures kept as revision {revision} for this model and period.",
        "声明数值已为本型号和期间保存为修订版本 {revision}。",
    ),
    "explain.declared.using_kept": (
        "Reconciled against the {count} declared figure(s) kept as revision {revision} ({source}, {author}, {at}).",
        "以下核对使用已保存的 {count} 个声明数值（修订版本 {revision}，{source}，{author}，{at}）。",
    ),
    "action.save_declared": ("keep declared figures", "保存声明数值"),
    "explain.declared.using": (
        "Reconciled against the {count} figure(s) you entered, not the report's own.",
        "以下核对使用您录入的 {count} 个数值，而非报告自带的声明数值。",
    ),
}
