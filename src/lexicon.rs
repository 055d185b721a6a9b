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
    "办事处",
    "管委会",
    "大队",
    "支队",
    "总队",
    "中队",
    "公司",
    "署",
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

/// The units a figure may have, longest first (a number with one of these after it is a measure:
/// `16次`, `3个工作日`, `40多场次`). Dates (年 月 日 号) are not among them.
pub const FIGURE_UNITS: &[&str] = &[
    "个工作日",
    "个百分点",
    "平方公里",
    "平方米",
    "工作日",
    "个月",
    "场次",
    "人次",
    "户次",
    "件次",
    "批次",
    "家次",
    "小时",
    "分钟",
    "公里",
    "个",
    "件",
    "次",
    "项",
    "人",
    "名",
    "家",
    "份",
    "条",
    "场",
    "期",
    "卷",
    "户",
    "起",
    "宗",
    "册",
    "部",
    "篇",
    "位",
    "所",
    "批",
    "台",
    "套",
    "类",
    "本",
    "倍",
    "天",
    "周",
    "分",
    "辆",
    "座",
    "处",
    "张",
    "轮",
    "期",
    "亩",
    "吨",
    "元",
    "%",
    "％",
];

/// Words before a number that say it is approximate or a bound: `近200次`, `超过20场`, `不少于4次`.
pub const APPROX_BEFORE: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "多达",
    "将近",
    "大约",
    "超过",
    "不足",
    "不到",
    "近",
    "约",
    "逾",
];

/// Words after a figure's unit that say it is approximate or a bound: `250件以上`, `10%以内`.
pub const APPROX_AFTER: &[&str] = &["以上", "以下", "以内", "左右"];

/// Set phrases that hold a number and a unit but count nothing: `四个意识`, `两个维护`,
/// `行政执法三项制度`.
pub const SET_PHRASES: &[&str] = &[
    "四个意识",
    "四个自信",
    "四个全面",
    "四个统一",
    "两个维护",
    "两个确立",
    "两个毫不动摇",
    "两个责任",
    "三个代表",
    "三个务必",
    "两学一做",
    "三会一课",
    "三重一大",
    "三项制度",
    "一岗双责",
    "五位一体",
    "两法衔接",
    "八项规定",
    "一把手",
    "一次性",
    "一件事",
    "一站式",
    "两个方面",
    "三个方面",
    "四个方面",
    "五个方面",
    "十分",
    "千家",
    "百家",
    "百分之",
];

/// Words at either end of a figure's label that say when or where, not what is counted: dropped
/// (`今年以来开展法律事务服务` is `开展法律事务服务`).
pub const LABEL_EDGE_WORDS: &[&str] = &[
    "今年以来",
    "本年度",
    "年度内",
    "以来",
    "目前",
    "截至目前",
    "当前",
    "现已",
    "常年",
    "全年",
    "今年",
    "本年",
    "年内",
    "当年",
    "全局",
    "全市",
    "全县",
    "全区",
    "全省",
    "全镇",
    "全系统",
    "其中",
    "共计",
    "共有",
    "共",
    "累计",
    "合计",
    "总计",
    "先后",
    "力争",
    "计划",
    "预计",
    "已经",
    "已",
    "均",
    "都",
    "仅有",
    "仅",
    "达到",
    "达",
    "为",
    "是",
    "了",
    "的",
    "对",
    "从",
    "由",
    "在",
    "向",
    "中",
    "到",
    "至",
    "压缩至",
    "提高到",
    "增加到",
    "减少到",
    "下降到",
    "增长到",
    "提升至",
    "降至",
    "分别是",
    "分别为",
    "分别",
    "数量",
    "确定",
];

/// Words that end the noun a figure counts when it follows the figure (`72个案卷无…` counts 案卷
/// without …; `23项权责事项进行了梳理` counts 权责事项): particles, and verbs that act on it.
pub const LABEL_STOP_WORDS: &[&str] = &[
    "的", "了", "被", "已", "均", "都", "全部", "并", "且", "等", "共", "分别", "进行", "开展", "予以", "加以", "作出",
    "完成", "实施", "组织", "参加", "参与", "发布", "提出", "提报", "提交", "获得", "荣获", "获评", "通过", "实现",
    "达到", "达", "为", "是", "在", "中", "以上", "以下", "左右",
];

/// Verbs after a count of people that name what it is about: `2位同志被评选为…标兵` counts
/// 标兵 (the award), not 同志.
pub const LABEL_AWARD_VERBS: &[&str] = &["被评选为", "被评为", "被授予", "获评", "荣获", "评为", "获得"];

/// Nouns for people that say nothing of what is counted when an award follows: `同志`, `人`.
pub const PERSON_NOUNS: &[&str] = &["同志", "人员", "干部", "名同志", "人"];

/// Words that compare a figure with an earlier one (`较上年增长15.3%`): the label takes what the
/// figure before it in the sentence counts.
pub const COMPARISON_WORDS: &[&str] = &["较上年", "较去年", "同比", "环比", "比上年", "比去年"];

/// Verbs that open a predicate: a label read after a figure stops before one, unless the figure
/// counts times (`十余次听取汇报`).
pub const LABEL_PREDICATE_VERBS: &[&str] = &[
    "研究", "部署", "听取", "主持", "召开", "审议", "讨论", "学习", "提报", "提出", "提交", "发布", "参加", "参与",
    "开展", "进行", "组织", "完成", "办理", "审查", "检查", "培训",
];

/// Verbs after a figure that act on what it counts (`23项权责事项进行了梳理`): the label stops there.
pub const LABEL_ACTION_VERBS: &[&str] = &[
    "进行", "开展", "予以", "加以", "作出", "完成", "实施", "组织", "均", "已", "全部", "都", "并", "的",
];

/// Units that count times, after which a verb phrase is what is counted.
pub const TIMES_UNITS: &[&str] = &["次", "轮", "遍", "回"];

/// How a value moves to the year named after it (`提高到2020年的`): never part of a label.
pub const LABEL_MOVES: &[&str] = &[
    "由",
    "从",
    "在",
    "到",
    "至",
    "提高到",
    "增长到",
    "下降到",
    "增加到",
    "减少到",
    "提高",
    "增长",
    "下降",
    "增加",
    "减少",
    "上升",
    "降低",
];

/// Time words that, inside a clause, part its subject from what it did.
pub const LABEL_TIME_WORDS: &[&str] = &["全年", "今年", "今年以来", "年内", "本年度", "当年", "目前", "以来"];
