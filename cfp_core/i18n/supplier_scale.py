"""Messages of the Suppliers page at scale: search, pages of stored footprints, one part at a time (#13). (english, chinese)."""

MESSAGES = {
    "supscale.search": ("Search stored footprints", "搜索已存碳足迹"),
    "supscale.search_help": (
        "Words of the supplier, product, PACT id, part or #id; every word must match. The lists below show "
        "only the matching footprints of this page.",
        "供应商、产品、PACT id、零部件或 #编号中的词；每个词都须匹配。下方的选择列表只显示本页中匹配的碳足迹。"),
    "supscale.page_size": ("Rows per page", "每页行数"),
    "supscale.page": ("Page", "页码"),
    "supscale.showing": (
        "Showing {start}–{stop} of {total} stored footprints (page {page} of {pages}).",
        "显示已存碳足迹 {total} 项中的第 {start}–{stop} 项（第 {page} / {pages} 页）。"),
    "supscale.no_match": ("No stored footprint matches \"{text}\".", "没有已存碳足迹匹配“{text}”。"),
    "supscale.part": ("Part to compare", "要比较的零部件"),
    "supscale.part_help": (
        "The comparison ranks one part's footprints among themselves; type to search the parts.",
        "比较只在同一零部件的碳足迹之间排名；输入文字可搜索零部件。"),
    "supscale.filter_choose": ("Filter this part's footprints", "筛选该零部件的碳足迹"),
}
