//! The Chinese word lists the stages use, as data in one place: what ends a unit's name, what
//! names a place, a label or a report's closing, what a page puts around a report, which words stay
//! attached to a number. A new unit suffix or label word is a change here (with its test beside the
//! code that uses it).

/// Starts of lines that belong to the web page around a report, never to the report.
pub const DEBRIS_PREFIXES: &[&str] = &[
    "上一篇",
    "下一篇",
    "返回列表",
    "返回顶部",
    "返回首页",
    "留言与评论",
    "发表评论",
    "我要评论",
    "打印本页",
    "打印此页",
    "【打印",
    "【关闭",
    "[打印",
    "[关闭",
    "关闭窗口",
    "分享到",
    "扫一扫",
    "责任编辑",
    "网站地图",
    "版权所有",
    "主办单位",
    "相关阅读",
    "相关链接",
    "相关文章",
    "附件下载",
    "【字体",
    "字体：",
    "字号：",
];

/// What the name of a government unit ends with, longer forms first (委员会 before 委, 办公室
/// before 办 and 室): 科学技术局, 科学技术委员会, 科学技术厅, 司法所, 农技站, 法制办, 宣传部,
/// 法规处, 政策法规室 …
pub const UNIT_SUFFIXES: &[&str] = &[
    "委员会",
    "办公室",
    "局",
    "委",
    "厅",
    "中心",
    "院",
    "政府",
    "所",
    "站",
    "办",
    "部",
    "处",
    "室",
];

/// Characters that name the level of a place in a unit's name: 河南省, 郑州市, 沈丘县, 金水区 …
pub const PLACE_LEVELS: &[char] = &['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡'];

/// Full names of common abbreviated bureau names.
pub const UNIT_EXPANSIONS: &[(&str, &str)] = &[
    ("科技局", "科学技术局"),
    ("发改委", "发展和改革委员会"),
    ("人社局", "人力资源和社会保障局"),
    ("市场监管局", "市场监督管理局"),
    ("住建局", "住房和城乡建设局"),
    ("工信局", "工业和信息化局"),
    ("教体局", "教育和体育局"),
];

/// Words of a line that names a part of a report without numbering it: `存在的主要不足`, `下步打算`,
/// `主要工作`, `工作成效`.
pub const LABEL_WORDS: &[&str] = &[
    "存在",
    "问题",
    "不足",
    "差距",
    "短板",
    "下步",
    "下一步",
    "打算",
    "安排",
    "计划",
    "思路",
    "措施",
    "方向",
    "主要工作",
    "主要做法",
    "工作成效",
    "主要成效",
    "基本情况",
    "总体情况",
    "工作开展情况",
];

/// Words that say when or how much in general, not what is counted: dropped from a label's ends.
pub const FIGURE_FILLERS: &[&str] = &[
    "全年",
    "今年",
    "本年",
    "本年度",
    "年内",
    "全局",
    "其中",
    "共",
    "共计",
    "累计",
    "合计",
    "先后",
    "已",
    "均",
    "达到",
    "达",
    "为",
    "了",
    "约",
    "近",
    "超过",
];

/// Units that stay attached to the number before them, tried in this order (longest first).
pub const MEASURE_WORDS: &[&str] = &[
    "余人次",
    "多场次",
    "余场次",
    "万余元",
    "万元",
    "亿元",
    "余次",
    "多次",
    "人次",
    "场次",
    "余人",
    "余家",
    "余件",
    "余项",
    "余条",
    "多家",
    "多人",
    "多项",
    "多件",
    "小时",
    "个月",
    "年度",
    "年",
    "月",
    "日",
    "次",
    "件",
    "个",
    "家",
    "人",
    "项",
    "名",
    "场",
    "期",
    "卷",
    "份",
    "条",
    "位",
    "所",
    "批",
    "部",
    "篇",
    "天",
    "周",
    "元",
    "万",
    "亿",
    "号",
    "台",
    "套",
    "类",
    "本",
    "%",
    "倍",
    "户",
    "起",
    "宗",
    "册",
    "亩",
];

/// How a closing paragraph opens: `特此报告。`, `总之，…`.
pub const CLOSING_OPENERS: &[&str] = &[
    "特此报告",
    "以上报告",
    "总之",
    "综上",
    "总的来看",
    "总体来看",
    "专此报告",
];

/// Words a report's title line holds: `…法治政府建设情况报告`, `…工作总结`.
pub const TITLE_WORDS: &[&str] = &["报告", "情况", "总结", "工作"];

/// Wording the genre repeats in every report, whatever the bureau: dimmed on request when a pair is
/// compared alone. A series learns its own (see [`crate::stock`]); this list only seeds it. Each is
/// at least four characters, the length phrases are matched by. The taxonomy's keywords are never
/// dimmed, so none belongs here.
pub const STOCK_PHRASES: &[&str] = &[
    "认真贯彻落实",
    "深入贯彻落实",
    "全面贯彻落实",
    "贯彻落实党中央",
    "高度重视",
    "全面依法治国",
    "习近平法治思想",
    "习近平新时代中国特色社会主义思想",
    "法治政府建设",
    "依法行政",
    "深入推进",
    "全面推进",
    "扎实推进",
    "稳步推进",
    "持续推进",
    "积极推进",
    "切实加强",
    "进一步加强",
    "不断完善",
    "进一步完善",
    "进一步提高",
    "取得明显成效",
    "取得了明显成效",
    "严格按照",
    "牢固树立",
    "有力推动",
    "提供有力法治保障",
];
