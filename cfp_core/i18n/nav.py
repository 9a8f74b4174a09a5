"""Navigation labels. (english, chinese)."""

MESSAGES = {
    "nav.group.view": ("Analyse", "分析"),
    "nav.group.data": ("Data & publishing", "数据与发布"),
    "nav.overview": ("Overview", "总览"),
    "nav.products": ("Products & data entry", "产品与数据录入"),
    "nav.factors": ("Factor library", "因子库"),
    "nav.compare_models": ("Compare models", "型号对比"),
    "nav.compare_factors": ("Compare factor versions", "因子版本对比"),
    "nav.trends": ("Trends", "趋势"),
    "nav.explain": ("Explain", "溯源解释"),
    "nav.publish": ("Publish", "发布"),
    "nav.card": ("Footprint card", "碳足迹卡片"),
    "nav.group.admin": ("Administration", "管理"),
    "nav.members": ("Users & roles", "用户与角色"),
    "nav.settings": ("Organisation settings", "组织设置"),
    "nav.audit": ("Audit log", "审计日志"),
    "nav.api_clients": ("API clients", "API 客户端"),
    "nav.sign_in": ("Sign in", "登录"),
    "nav.setup": ("Set up your organisation", "设置您的组织"),
}
