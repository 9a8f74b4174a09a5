"""The disclosure server, its API clients, PCF requests and public links. (english, chinese)."""

MESSAGES = {
    "server.error.public_url_missing": (
        "A card shared with {audience} needs the public address of the disclosure server. Set the organisation "
        "setting 'public base URL' (or CFP_PUBLIC_URL) to an https address customers can reach, then publish again.",
        "向“{audience}”共享的卡片需要披露服务器的公网地址。请在组织设置中填写“公网地址”（或设置 CFP_PUBLIC_URL），"
        "填写客户可访问的 https 地址后再发布。",
    ),
    "server.error.public_url_not_public": (
        "The public base URL {url} is {why}: a printed QR code would be dead for every customer. Set the organisation "
        "setting 'public base URL' (or CFP_PUBLIC_URL) to the address customers reach, then publish again.",
        "公网地址 {url} 是{why}：打印出的二维码对客户无法访问。请在组织设置中把“公网地址”（或 CFP_PUBLIC_URL）"
        "改为客户可访问的地址后再发布。",
    ),
    "server.why.loopback": ("a loopback address", "本机回环地址"),
    "server.why.private": ("a private or reserved address", "内网或保留地址"),
    "server.why.local_name": ("a local host name", "本地主机名"),
    "server.why.scheme": ("not an http(s) address", "不是 http(s) 地址"),
    "server.error.unknown_products": (
        "Unknown product model codes for the API client: {codes}. Use the codes listed on the Products page.",
        "API 客户端中的产品型号不存在：{codes}。请使用“产品”页面列出的型号。",
    ),
    "server.error.request_answered": (
        "PCF request {ident} was already answered ({decision}); each request gets one answer.",
        "碳足迹数据请求 {ident} 已答复（{decision}），每个请求只能答复一次。",
    ),
    "server.error.nothing_to_fulfil": (
        "PCF request {ident}: choose at least one published PACT footprint the requesting client may read.",
        "碳足迹数据请求 {ident}：请至少选择一个该客户端有权读取的已发布 PACT 碳足迹。",
    ),
    "what.api_client": ("API client", "API 客户端"),
    "what.pcf_request": ("PCF request", "碳足迹数据请求"),
    "server.client.all_products": ("all published PACT footprints", "全部已发布的 PACT 碳足迹"),
    "server.client.created": ("API client created. The secret is shown once; store it now.",
                              "已创建 API 客户端。密钥只显示这一次，请立即妥善保存。"),
    "server.client.revoked": ("API client {ident} revoked.", "已吊销 API 客户端 {ident}。"),
    "server.requests.title": ("PCF requests from customers (PACT API)", "客户的碳足迹数据请求（PACT API）"),
    "server.requests.none": ("No open PCF requests.", "没有待处理的碳足迹数据请求。"),
    "server.requests.item": ("{received} · client {client} · products {products}",
                             "{received} · 客户端 {client} · 产品 {products}"),
    "server.requests.comment": ("Comment: {comment}", "备注：{comment}"),
    "server.requests.footprints": ("Footprints to send", "要发送的碳足迹"),
    "server.requests.fulfil": ("Fulfil", "发送碳足迹"),
    "server.requests.reject": ("Reject", "驳回"),
    "server.requests.reject_reason": ("Reason for the requester", "给请求方的驳回理由"),
    "server.requests.done": ("Answer recorded; the disclosure server sends it to the requester.",
                             "答复已记录，披露服务器将把它发送给请求方。"),
    "server.decision.fulfilled": ("fulfilled", "已发送"),
    "server.decision.rejected": ("rejected", "已驳回"),
    "server.reject.not_found": ("No published footprint matches the request.", "没有与请求匹配的已发布碳足迹。"),
    "server.link.title": ("Public card link", "公开卡片链接"),
    "server.link.missing": (
        "No public address is set: customers cannot open this card. Set the organisation's public base URL.",
        "尚未设置公网地址：客户无法打开此卡片。请在组织设置中填写公网地址。",
    ),
    "server.card.not_found_title": ("Card not found", "未找到卡片"),
    "server.card.not_found": ("This card link is unknown. Check the address or ask the publisher for a new link.",
                              "此卡片链接无效。请核对地址，或向发布方索取新链接。"),
    "server.card.withdrawn_title": ("Card withdrawn", "卡片已撤回"),
    "server.site.written": ("{count} cards written under {path}", "已在 {path} 下写入 {count} 张卡片"),
}
