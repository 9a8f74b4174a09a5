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
        "Enter the figure as printed: digits with an optional decimal point (12.35), no sign, formula or text.",
        "请按报告所印填写数值：数字，可带小数点（如 12.35），不可带正负号、公式或文字。",
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
