"""Roles, write actions and permission messages. (english, chinese)."""

MESSAGES = {
    "error.permission_denied": (
        "{who} may not {action} (roles: {roles}). Ask an administrator of your organisation for the role.",
        "{who} 无权执行“{action}”（当前角色：{roles}）。请联系本组织的管理员分配相应角色。",
    ),
    "role.viewer": ("Viewer", "查看者"),
    "role.editor": ("Editor", "编辑者"),
    "role.approver": ("Approver", "审批者"),
    "role.admin": ("Administrator", "管理员"),
    "role.viewer_help": ("Dashboards and cards.", "查看看板与碳足迹卡片。"),
    "role.editor_help": ("Data entry, imports, factor sets, supplier intake; requests publication.",
                         "数据录入、导入、因子集、供应商数据接收；提交发布申请。"),
    "role.approver_help": ("Approves or rejects publication; withdraws published cards.",
                           "审批或驳回发布申请；撤回已发布的卡片。"),
    "role.admin_help": ("Users and roles, organisation settings, API clients.",
                        "用户与角色、组织设置、API 客户端。"),
    "action.save_product": ("save a product model", "保存产品型号"),
    "action.save_inventory": ("save an inventory revision", "保存清单修订版本"),
    "action.import_inventories": ("import inventories", "导入清单"),
    "action.save_factor_set": ("save a factor set", "保存因子集"),
    "action.import_supplier": ("import a supplier footprint", "导入供应商碳足迹"),
    "action.withdraw_supplier": ("hide, retract or restore a supplier footprint", "隐藏、撤回或恢复供应商碳足迹"),
    "action.request_publication": ("request publication", "提交发布申请"),
    "action.approve_publication": ("approve a publication", "批准发布"),
    "action.reject_publication": ("reject a publication", "驳回发布申请"),
    "action.publish": ("publish", "发布"),
    "action.withdraw": ("withdraw a published card", "撤回已发布的卡片"),
    "action.save_organisation": ("change organisation settings", "修改组织设置"),
    "action.manage_members": ("manage users and roles", "管理用户与角色"),
    "action.manage_api_clients": ("manage API clients", "管理 API 客户端"),
    "action.answer_pcf_request": ("answer a PCF request", "答复碳足迹数据请求"),
    "action.seed": ("seed the shipped data", "写入内置数据"),
    "action.save_bom_mapping": ("remember a bill-of-materials mapping", "保存物料清单映射"),
    "action.other_org": ("write data of organisation {org}", "写入组织 {org} 的数据"),
    "action.bootstrap": ("set up the workspace", "初始化工作区"),
    "error.workspace_taken": (
        "This workspace is already set up. Ask one of its administrators to add you.",
        "该工作区已完成初始化。请联系其管理员为您添加账号。"),
    "error.last_admin": (
        "{org} would have no administrator left. Make someone else administrator first.",
        "组织 {org} 将没有管理员。请先将其他成员设为管理员。"),
    "error.member_invalid": (
        "A member needs an e-mail address or a sign-in subject, and at least one role.",
        "成员需要填写电子邮箱或登录标识（subject），并至少分配一个角色。"),
    "error.self_approval": (
        "Four eyes: you requested this publication, so another approver must review it.",
        "四眼原则：该发布申请由您提交，须由另一位审批者审核。"),
    "error.request_closed": (
        "Request #{request_id} is already {status}; nothing was changed.",
        "申请 #{request_id} 已{status}，未做任何更改。"),
    "error.review_required": (
        "Four eyes are on for {org}: request publication, and a second person approves it "
        "(an administrator can allow single-step publishing in the organisation settings).",
        "组织 {org} 启用了四眼原则：请提交发布申请，由另一位成员批准"
        "（管理员可在组织设置中允许单人直接发布）。"),
    "error.exposed_without_sign_in": (
        "The workspace listens on {address} but no sign-in is configured, so anyone who reaches this "
        "machine could edit and publish. Configure an OIDC provider in .streamlit/secrets.toml (see the "
        "README, section Sign-in), or listen on 127.0.0.1 only. For a throw-away demo set "
        "CFP_INSECURE_PUBLIC_DEMO=1.",
        "工作区监听 {address}，但尚未配置登录，任何能访问本机的人都可以编辑和发布。"
        "请在 .streamlit/secrets.toml 中配置 OIDC 身份提供方（见 README“登录”一节），"
        "或仅监听 127.0.0.1。仅用于临时演示时可设置 CFP_INSECURE_PUBLIC_DEMO=1。"),
    "error.data_changed": (
        "The data of {model} {period} changed after this publication was requested, so it is not what was "
        "reviewed. Reject this request and request publication again.",
        "{model} {period} 的数据在提交发布申请后已变更，与审核内容不一致。请驳回该申请并重新提交。"),
}
