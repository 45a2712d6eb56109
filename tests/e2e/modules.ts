/** The modules in the navigation, in its order: the a11y gate and the 特大 layout check visit each. */
export const NAV_LABELS = ['首页', '提醒', '干部档案', '村居信息', '结构分析', '书记跟班', '智库结对', '跨村任职', '村居结对', '导入导出', '操作日志', '设置'];
