//! Closed sets of the roster (sex, political status, ...) as enums, each value with a stable
//! code (stored in SQLite, sent over IPC and in JSON) and the office's Chinese label.
//!
//! Codes are part of the data format: never rename one; add new values at the end.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value of a closed set with its Chinese label, for select boxes.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// The label's pinyin initials ("jtjs" for 交通建设), so a select filters by them as the
    /// deputy picker does.
    pub initials: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        let label = label.into();
        Choice {
            value: value.into(),
            initials: crate::names::text_initials(&label),
            label,
        }
    }
}

pub trait Vocab: Sized + Copy + PartialEq + std::fmt::Debug + 'static {
    const ALL: &'static [Self];
    /// What the set is called, for messages ("政治面貌").
    const WHAT: &'static str;
    fn code(self) -> &'static str;
    fn label(self) -> &'static str;
    /// Other words offices write for this value in spreadsheets.
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
    /// Reads a label as typed in a spreadsheet: the label, an alias, or the code.
    fn from_text(text: &str) -> Option<Self> {
        let t = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.label() == t || v.code() == t || v.aliases().contains(&t))
    }
    fn choices() -> Vec<Choice> {
        Self::ALL
            .iter()
            .map(|v| Choice::new(v.code(), v.label()))
            .collect()
    }
}

macro_rules! vocab {
    ($(#[$m:meta])* $name:ident, $what:literal { $($var:ident = $code:literal : $label:literal $([$($alias:literal),*])?),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ts_rs::TS)]
        #[ts(export)]
        pub enum $name { $(#[ts(rename = $code)] $var),+ }

        impl Vocab for $name {
            const ALL: &'static [Self] = &[$($name::$var),+];
            const WHAT: &'static str = $what;
            fn code(self) -> &'static str { match self { $($name::$var => $code),+ } }
            fn label(self) -> &'static str { match self { $($name::$var => $label),+ } }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$var => &[$($($alias),*)?]),+ }
            }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.code()) }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::from_code(&s).ok_or_else(|| serde::de::Error::custom(format!("未知的{}：{}", $what, s)))
            }
        }
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> { Ok(ToSqlOutput::from(self.code())) }
        }
        impl FromSql for $name {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = v.as_str()?;
                Self::from_code(s).ok_or_else(|| FromSqlError::Other(format!("unknown {} code {s}", stringify!($name)).into()))
            }
        }
    };
}

vocab!(Sex, "性别" {
    Male = "male": "男" ["男性"],
    Female = "female": "女" ["女性"],
});

vocab!(
    /// A deputy may sit at several levels at once (三级代表); township is always held.
    Level, "代表层级" {
    National = "national": "全国" ["全国人大代表"],
    Provincial = "provincial": "省级" ["省", "省人大代表"],
    City = "city": "市级" ["市", "市人大代表"],
    County = "county": "县级" ["县", "县人大代表", "区", "区级"],
    Township = "township": "乡镇级" ["乡镇", "镇", "乡", "镇人大代表", "乡人大代表"],
});

vocab!(
    /// GB/T 4762 政治面貌, in the standard's order.
    PoliticalStatus, "政治面貌" {
    CpcMember = "cpc_member": "中共党员" ["党员", "中国共产党党员"],
    CpcProbationary = "cpc_probationary": "中共预备党员" ["预备党员"],
    CylMember = "cyl_member": "共青团员" ["团员"],
    Rcckmt = "rcckmt": "民革党员" ["民革", "民革会员"],
    Cdl = "cdl": "民盟盟员" ["民盟"],
    Cndca = "cndca": "民建会员" ["民建"],
    Capd = "capd": "民进会员" ["民进"],
    Cpwdp = "cpwdp": "农工党党员" ["农工党", "农工民主党"],
    ZhiGong = "zhi_gong": "致公党党员" ["致公党"],
    Jiusan = "jiusan": "九三学社社员" ["九三学社"],
    Tdsl = "tdsl": "台盟盟员" ["台盟"],
    NonParty = "non_party": "无党派人士" ["无党派"],
    Masses = "masses": "群众" ["无"],
});

vocab!(Education, "学历" {
    Postgraduate = "postgraduate": "研究生" ["硕士", "博士", "研究生学历", "硕士研究生", "博士研究生"],
    Bachelor = "bachelor": "大学本科" ["本科", "大学"],
    College = "college": "大学专科" ["大专", "专科"],
    SecondaryVocational = "secondary_vocational": "中专" ["中技", "职高", "中专/中技"],
    HighSchool = "high_school": "高中" [],
    JuniorHigh = "junior_high": "初中" [],
    Primary = "primary": "小学及以下" ["小学"],
});

vocab!(
    /// 代表构成 categories used in the office's structure statistics.
    Occupation, "职业类别" {
    Worker = "worker": "工人" ["一线工人"],
    Farmer = "farmer": "农民" ["一线农民"],
    Professional = "professional": "专业技术人员" ["专技人员", "专业技术"],
    Cadre = "cadre": "党政干部" ["党政领导干部", "干部", "机关干部"],
    Business = "business": "企业负责人" ["企业管理人员", "个体工商户"],
    Military = "military": "解放军和武警" ["军人"],
    Other = "other": "其他" [],
});

vocab!(ElectedHow, "当选方式" {
    GeneralElection = "general_election": "换届选举" ["选举", "换届"],
    ByElection = "by_election": "补选" [],
});

vocab!(PresidiumPostKind, "主席团职务" {
    Chair = "chair": "主席" ["人大主席"],
    ViceChair = "vice_chair": "副主席" ["人大副主席"],
    Member = "member": "主席团成员" ["成员"],
});

vocab!(
    /// A deputy's status on a date, derived from the status events; never stored.
    DeputyStatus, "代表状态" {
    InOffice = "in_office": "在任" [],
    Suspended = "suspended": "暂停执行职务" [],
    Ended = "ended": "终止" ["资格终止"],
    NotYet = "not_yet": "尚未当选" [],
});

vocab!(EventKind, "代表变动" {
    ByElection = "by_election": "补选" [],
    Resignation = "resignation": "辞职" [],
    Recall = "recall": "罢免" [],
    Termination = "termination": "资格终止" ["终止"],
    Suspension = "suspension": "暂停执行代表职务" ["暂停"],
    Resumption = "resumption": "恢复执行代表职务" ["恢复"],
});

vocab!(
    /// 代表法 Art. 49 grounds other than resignation and recall (which are events of their own),
    /// plus death.
    TerminationGround, "终止事由" {
    MovedAway = "moved_away": "迁出或调离本行政区域" [],
    AbsentTwice = "absent_twice": "未经批准两次不出席本级人民代表大会会议" [],
    LostNationality = "lost_nationality": "丧失中华人民共和国国籍" [],
    DeprivedOfRights = "deprived_of_rights": "依照法律被剥夺政治权利" [],
    Incapacity = "incapacity": "丧失行为能力" [],
    Deceased = "deceased": "去世" ["死亡"],
});

vocab!(RosterOrder, "排序方式" {
    Stroke = "stroke": "按姓氏笔画" [],
    Group = "group": "按代表小组" [],
    Pinyin = "pinyin": "按拼音" [],
});

/// GB/T 3304 民族 codes 01..56, in the standard's order.
pub const ETHNICITIES: [&str; 56] = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
];

/// An ethnicity by its GB/T 3304 number (1 = 汉族). Serialised as the two-digit code "01".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ts_rs::TS)]
#[ts(export)]
#[ts(type = "string")]
pub struct Ethnicity(u8);

impl Ethnicity {
    pub const HAN: Ethnicity = Ethnicity(1);

    pub fn from_number(n: u8) -> Option<Self> {
        (1..=56).contains(&n).then_some(Ethnicity(n))
    }
    pub fn from_code(code: &str) -> Option<Self> {
        code.trim().parse::<u8>().ok().and_then(Self::from_number)
    }
    /// "汉族", "汉" or the code "01".
    pub fn from_text(text: &str) -> Option<Self> {
        let t = text.trim();
        if let Some(e) = Self::from_code(t) {
            return Some(e);
        }
        ETHNICITIES
            .iter()
            .position(|n| *n == t || n.strip_suffix('族') == Some(t))
            .map(|i| Ethnicity(i as u8 + 1))
    }
    pub fn code(self) -> String {
        format!("{:02}", self.0)
    }
    pub fn label(self) -> &'static str {
        ETHNICITIES[self.0 as usize - 1]
    }
    pub fn is_minority(self) -> bool {
        self != Self::HAN
    }
    pub fn choices() -> Vec<Choice> {
        (1..=56u8)
            .map(|n| Choice::new(Ethnicity(n).code(), Ethnicity(n).label()))
            .collect()
    }
}

impl Serialize for Ethnicity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}
impl<'de> Deserialize<'de> for Ethnicity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::from_code(&s).ok_or_else(|| serde::de::Error::custom(format!("未知的民族代码：{s}")))
    }
}
impl ToSql for Ethnicity {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.code()))
    }
}
impl FromSql for Ethnicity {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        Self::from_code(v.as_str()?)
            .ok_or_else(|| FromSqlError::Other("unknown ethnicity code".into()))
    }
}

vocab!(
    /// 议案 needs co-signers (or the presidium); the other three are the usual items.
    SuggestionKind, "建议类型" {
    Motion = "motion": "议案" [],
    Suggestion = "suggestion": "建议" [],
    Criticism = "criticism": "批评" [],
    Opinion = "opinion": "意见" [],
});

vocab!(SuggestionCategory, "建议类别" {
    Economy = "economy": "经济发展" ["经济"],
    Agriculture = "agriculture": "农业农村" ["农业", "三农"],
    Transport = "transport": "交通建设" ["交通"],
    UrbanConstruction = "urban_construction": "城乡建设" ["城建", "村镇建设"],
    Education = "education": "教育" ["教育事业"],
    Health = "health": "医疗卫生" ["卫生", "医疗"],
    Environment = "environment": "生态环境" ["环境", "环保"],
    SocialSecurity = "social_security": "社会保障" ["社保", "民政"],
    Culture = "culture": "文化旅游" ["文化", "旅游"],
    PublicSafety = "public_safety": "公共安全" ["安全"],
    Governance = "governance": "基层治理" ["治理"],
    Other = "other": "其他" [],
});

vocab!(
    /// Derived from the steps, never stored.
    SuggestionState, "办理状态" {
    Registered = "registered": "待交办" ["已登记"],
    NotAccepted = "not_accepted": "不予立案" [],
    Assigned = "assigned": "办理中" [],
    Returned = "returned": "退回待重新交办" ["已退回"],
    Replied = "replied": "已答复待评价" ["已答复"],
    Evaluated = "evaluated": "已评价" [],
    Rehandling = "rehandling": "重新办理中" [],
    Closed = "closed": "已办结" ["办结"],
});

vocab!(Satisfaction, "满意度" {
    Satisfied = "satisfied": "满意" [],
    BasicallySatisfied = "basically_satisfied": "基本满意" [],
    Dissatisfied = "dissatisfied": "不满意" [],
});

vocab!(MeetingStage, "沟通阶段" {
    Before = "before": "办理前" [],
    During = "during": "办理中" [],
    After = "after": "答复后" [],
});

vocab!(PetitionChannel, "信访方式" {
    Letter = "letter": "来信" ["信件"],
    Visit = "visit": "来访" ["走访"],
    Phone = "phone": "电话" ["来电"],
    Online = "online": "网上信访" ["网上", "网络"],
    CountyReferral = "county_referral": "上级转办" ["县转办", "转办"],
    DeputyReferral = "deputy_referral": "代表转交" ["代表反映"],
});

vocab!(PetitionCategory, "信访类别" {
    Land = "land": "土地征收与房屋" ["土地", "征地拆迁"],
    Construction = "construction": "城乡建设" ["建设"],
    Environment = "environment": "生态环境" ["环境", "环保"],
    SocialSecurity = "social_security": "社会保障与民政" ["社保", "民政"],
    Labor = "labor": "劳动就业与欠薪" ["劳动", "欠薪"],
    RuralAffairs = "rural_affairs": "农村农业" ["农村", "农业"],
    UrbanManagement = "urban_management": "城市管理" ["城管"],
    PublicServices = "public_services": "教育医疗等公共服务" ["公共服务"],
    LawAndOrder = "law_and_order": "政法与治安" ["治安", "涉法涉诉"],
    CadreConduct = "cadre_conduct": "干部作风" ["作风", "纪检"],
    Other = "other": "其他" [],
});

vocab!(
    /// Derived from the steps, never stored.
    PetitionState, "信访状态" {
    Registered = "registered": "已登记待受理" ["已登记"],
    Declined = "declined": "不予受理" [],
    Accepted = "accepted": "已受理" [],
    Assigned = "assigned": "已交办" [],
    Replied = "replied": "已答复" ["已办结"],
    ReviewRequested = "review_requested": "复查中" [],
    Reviewed = "reviewed": "已复查" [],
    ReReviewRequested = "re_review_requested": "复核中" [],
    ReReviewed = "re_reviewed": "已复核" [],
    Archived = "archived": "已归档" [],
});

vocab!(ReplyManner, "答复方式" {
    Written = "written": "书面答复" ["书面"],
    Oral = "oral": "当面答复" ["口头", "当面"],
    Phone = "phone": "电话答复" ["电话"],
    Online = "online": "网上答复" ["网上"],
});

vocab!(DocumentDirection, "收发" {
    Received = "received": "收文" [],
    Sent = "sent": "发文" [],
});

vocab!(IssuerLevel, "发文机关层级" {
    Central = "central": "中央" ["国家"],
    Provincial = "provincial": "省级" ["省"],
    City = "city": "市级" ["市"],
    County = "county": "县级" ["县", "区"],
    Township = "township": "乡镇" ["镇", "乡"],
});

vocab!(
    /// 密级 as the office registers it; 机密 and above are not kept in this app.
    Classification, "密级" {
    Public = "public": "公开" [],
    Internal = "internal": "内部" ["内部资料", "内部文件"],
    Secret = "secret": "秘密" [],
});

vocab!(Urgency, "紧急程度" {
    Normal = "normal": "平件" ["一般", "普通"],
    Urgent = "urgent": "急件" ["加急", "紧急"],
    VeryUrgent = "very_urgent": "特急" [],
});

vocab!(DeedCategory, "事迹类别" {
    DutyPerformance = "duty_performance": "依法履职" ["履职"],
    ServingVoters = "serving_voters": "联系服务群众" ["服务群众"],
    EconomicDevelopment = "economic_development": "带头发展经济" ["发展经济", "带富"],
    PublicWelfare = "public_welfare": "公益慈善" ["公益"],
    Emergency = "emergency": "急难险重" ["抗灾救急", "抢险救灾"],
    SocialGovernance = "social_governance": "基层治理" ["矛盾调解"],
    Other = "other": "其他" [],
});

vocab!(
    /// What a deputy group met for (BOOKS.md, 代表小组活动记录簿).
    ActivityKind, "活动类型" {
    Study = "study": "学习培训" ["学习", "培训"],
    Inspection = "inspection": "视察" [],
    Survey = "survey": "调研" ["专题调研"],
    LawEnforcementCheck = "law_enforcement_check": "执法检查" [],
    VoterReception = "voter_reception": "接待选民" ["接待选民日", "选民接待"],
    DutyReport = "duty_report": "述职" ["述职评议"],
    SpecialReport = "special_report": "听取专项报告" ["专项报告", "听取和审议专项工作报告"],
    SpecialInquiry = "special_inquiry": "专题询问" ["询问"],
    StationDuty = "station_duty": "联络站值班" ["值班", "进站履职"],
    Other = "other": "其他" [],
});

vocab!(
    /// Who organised an activity: a deputy group (its members are expected), the presidium
    /// (town-wide: the deputies it invited, of any group or level), or a liaison station (a day
    /// of station duty: the deputies on the rota).
    Organiser, "组织者" {
    Group = "group": "代表小组" ["小组"],
    Presidium = "presidium": "主席团" ["镇人大主席团"],
    Station = "station": "代表联络站" ["联络站", "进站"],
});

vocab!(
    /// What an evaluation (评议 / 测评) is of. A 述职评议 rates officials 称职 / 基本称职 / 不称职;
    /// the others rate 满意 / 基本满意 / 不满意.
    EvaluationKind, "评议类别" {
    Work = "work": "工作评议" ["部门评议", "行风评议"],
    Station = "station": "站所评议" ["站所"],
    Duty = "duty": "述职评议" ["述职"],
    Livelihood = "livelihood": "民生实事满意度测评" ["民生实事测评", "满意度测评"],
});

vocab!(
    /// A member's attendance at a group activity.
    Attendance, "出席情况" {
    Present = "present": "出席" ["到会"],
    Excused = "excused": "请假" [],
    Absent = "absent": "缺席" ["未到"],
});

vocab!(
    /// 地方组织法: a township congress meets as a rule twice a year; one fifth of the deputies
    /// may ask for an extraordinary session (临时会议).
    SessionKind, "会议类型" {
    Regular = "regular": "例会" ["定期会议"],
    Extraordinary = "extraordinary": "临时会议" [],
});

vocab!(
    /// What a session hears and decides, in the order the seeds' reports list them.
    SessionItemKind, "议程类别" {
    WorkReport = "work_report": "政府工作报告" [],
    PresidiumReport = "presidium_report": "主席团工作报告" ["人大主席团工作报告"],
    Budget = "budget": "财政预算及执行情况" ["预算", "财政预算"],
    Plan = "plan": "国民经济和社会发展计划" ["计划"],
    SuggestionReport = "suggestion_report": "代表建议办理情况报告" [],
    Livelihood = "livelihood": "民生实事项目" ["民生实事"],
    Election = "election": "选举" [],
    Other = "other": "其他" [],
});

vocab!(
    /// 决议 or 决定: what a session's vote on an item produced.
    OutcomeKind, "表决结果" {
    Resolution = "resolution": "决议" [],
    Decision = "decision": "决定" [],
});

vocab!(
    /// The posts a township congress elects (its deputies are elected by the voters).
    ElectedPost, "选举职务" {
    Chair = "chair": "人民代表大会主席" ["人大主席", "主席"],
    ViceChair = "vice_chair": "人民代表大会副主席" ["人大副主席", "副主席"],
    Head = "head": "乡镇长" ["镇长", "乡长"],
    DeputyHead = "deputy_head": "副乡镇长" ["副镇长", "副乡长"],
});

vocab!(
    /// Where a 民生实事 candidate came from.
    ProjectSource, "项目来源" {
    Voters = "voters": "群众意见" ["选民", "群众"],
    Suggestion = "suggestion": "代表建议" ["建议"],
    Government = "government": "政府提出" ["政府"],
    Other = "other": "其他" [],
});

vocab!(
    /// The milestones of an adopted project, in the order they happen.
    MilestoneKind, "项目节点" {
    Approval = "approval": "立项" [],
    Tender = "tender": "招投标" ["招标"],
    Start = "start": "开工" [],
    Completion = "completion": "完工" ["竣工"],
    Acceptance = "acceptance": "验收" [],
});

vocab!(
    ReportKind, "报告类别" {
    Progress = "progress": "进度报告" [],
    Inspection = "inspection": "代表视察" ["视察"],
});

/// Every option list the forms need, in one call.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Vocabulary {
    pub sexes: Vec<Choice>,
    pub ethnicities: Vec<Choice>,
    pub political_statuses: Vec<Choice>,
    pub educations: Vec<Choice>,
    pub occupations: Vec<Choice>,
    pub levels: Vec<Choice>,
    pub elected_hows: Vec<Choice>,
    pub presidium_posts: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub event_kinds: Vec<Choice>,
    pub termination_grounds: Vec<Choice>,
    pub orders: Vec<Choice>,
    pub suggestion_kinds: Vec<Choice>,
    pub suggestion_categories: Vec<Choice>,
    pub suggestion_states: Vec<Choice>,
    pub satisfactions: Vec<Choice>,
    pub meeting_stages: Vec<Choice>,
    pub petition_channels: Vec<Choice>,
    pub petition_categories: Vec<Choice>,
    pub petition_states: Vec<Choice>,
    pub reply_manners: Vec<Choice>,
    /// Of the office's current rule profile (see [`vocabulary_for`]); empty from [`vocabulary`].
    pub reply_categories: Vec<Choice>,
    pub document_directions: Vec<Choice>,
    pub issuer_levels: Vec<Choice>,
    pub classifications: Vec<Choice>,
    pub urgencies: Vec<Choice>,
    pub deed_categories: Vec<Choice>,
    pub activity_kinds: Vec<Choice>,
    pub attendances: Vec<Choice>,
    pub session_kinds: Vec<Choice>,
    pub session_item_kinds: Vec<Choice>,
    pub outcome_kinds: Vec<Choice>,
    pub elected_posts: Vec<Choice>,
    pub project_sources: Vec<Choice>,
    pub milestone_kinds: Vec<Choice>,
    pub report_kinds: Vec<Choice>,
    pub organisers: Vec<Choice>,
    pub evaluation_kinds: Vec<Choice>,
    /// What a history row's `action` means.
    pub history_actions: Vec<Choice>,
    /// What a history row's `entity` is, for the 操作记录 filter.
    pub entities: Vec<Choice>,
}

fn pairs(list: &[(&str, &str)]) -> Vec<Choice> {
    list.iter().map(|(v, l)| Choice::new(*v, *l)).collect()
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        sexes: Sex::choices(),
        ethnicities: Ethnicity::choices(),
        political_statuses: PoliticalStatus::choices(),
        educations: Education::choices(),
        occupations: Occupation::choices(),
        levels: Level::choices(),
        elected_hows: ElectedHow::choices(),
        presidium_posts: PresidiumPostKind::choices(),
        statuses: DeputyStatus::choices(),
        event_kinds: EventKind::choices(),
        termination_grounds: TerminationGround::choices(),
        orders: RosterOrder::choices(),
        suggestion_kinds: SuggestionKind::choices(),
        suggestion_categories: SuggestionCategory::choices(),
        suggestion_states: SuggestionState::choices(),
        satisfactions: Satisfaction::choices(),
        meeting_stages: MeetingStage::choices(),
        petition_channels: PetitionChannel::choices(),
        petition_categories: PetitionCategory::choices(),
        petition_states: PetitionState::choices(),
        reply_manners: ReplyManner::choices(),
        reply_categories: Vec::new(),
        document_directions: DocumentDirection::choices(),
        issuer_levels: IssuerLevel::choices(),
        classifications: Classification::choices(),
        urgencies: Urgency::choices(),
        deed_categories: DeedCategory::choices(),
        activity_kinds: ActivityKind::choices(),
        attendances: Attendance::choices(),
        session_kinds: SessionKind::choices(),
        session_item_kinds: SessionItemKind::choices(),
        outcome_kinds: OutcomeKind::choices(),
        elected_posts: ElectedPost::choices(),
        project_sources: ProjectSource::choices(),
        milestone_kinds: MilestoneKind::choices(),
        report_kinds: ReportKind::choices(),
        organisers: Organiser::choices(),
        evaluation_kinds: EvaluationKind::choices(),
        history_actions: pairs(&[
            ("create", "新增"),
            ("update", "修改"),
            ("void", "作废"),
            ("reveal", "查看身份信息"),
            ("print", "打印"),
            ("import", "导入"),
            ("end", "结束"),
        ]),
        entities: crate::history::Entity::ALL
            .iter()
            .map(|e| Choice::new(e.code(), e.name()))
            .collect(),
    }
}

/// The vocabulary with the office's reply categories (they come from its rule profile).
pub fn vocabulary_for(conn: &rusqlite::Connection) -> crate::Result<Vocabulary> {
    let mut v = vocabulary();
    v.reply_categories = crate::rules::current(conn)?
        .suggestion
        .reply_categories
        .iter()
        .map(|c| Choice::new(c.code.clone(), c.label.clone()))
        .collect();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn codes_unique<V: Vocab>() {
        let codes: HashSet<_> = V::ALL.iter().map(|v| v.code()).collect();
        let labels: HashSet<_> = V::ALL.iter().map(|v| v.label()).collect();
        assert_eq!(codes.len(), V::ALL.len(), "{}: duplicate code", V::WHAT);
        assert_eq!(labels.len(), V::ALL.len(), "{}: duplicate label", V::WHAT);
        for v in V::ALL {
            assert_eq!(V::from_code(v.code()), Some(*v), "{} round trip", v.code());
            assert_eq!(V::from_text(v.label()), Some(*v));
        }
    }

    #[test]
    fn every_vocabulary_round_trips_and_has_unique_codes() {
        codes_unique::<Sex>();
        codes_unique::<Level>();
        codes_unique::<PoliticalStatus>();
        codes_unique::<Education>();
        codes_unique::<Occupation>();
        codes_unique::<ElectedHow>();
        codes_unique::<PresidiumPostKind>();
        codes_unique::<DeputyStatus>();
        codes_unique::<EventKind>();
        codes_unique::<TerminationGround>();
        codes_unique::<RosterOrder>();
        codes_unique::<SuggestionKind>();
        codes_unique::<SuggestionCategory>();
        codes_unique::<SuggestionState>();
        codes_unique::<Satisfaction>();
        codes_unique::<MeetingStage>();
        codes_unique::<PetitionChannel>();
        codes_unique::<PetitionCategory>();
        codes_unique::<PetitionState>();
        codes_unique::<ReplyManner>();
        codes_unique::<DocumentDirection>();
        codes_unique::<IssuerLevel>();
        codes_unique::<Classification>();
        codes_unique::<Urgency>();
        codes_unique::<DeedCategory>();
    }

    #[test]
    fn gb3304_has_56_distinct_ethnicities_with_known_codes() {
        let set: HashSet<_> = ETHNICITIES.iter().collect();
        assert_eq!(set.len(), 56);
        assert_eq!(Ethnicity::from_text("汉").unwrap().code(), "01");
        assert_eq!(Ethnicity::from_text("基诺族").unwrap().code(), "56");
        assert_eq!(Ethnicity::from_text("10").unwrap().label(), "朝鲜族");
        assert_eq!(Ethnicity::from_text("土家").unwrap().label(), "土家族");
        assert!(Ethnicity::from_text("火星族").is_none());
        assert!(Ethnicity::from_code("57").is_none() && Ethnicity::from_code("00").is_none());
    }

    #[test]
    fn spreadsheet_wording_maps_to_values() {
        assert_eq!(
            PoliticalStatus::from_text("党员"),
            Some(PoliticalStatus::CpcMember)
        );
        assert_eq!(Education::from_text("大专"), Some(Education::College));
        assert_eq!(
            Occupation::from_text("党政领导干部"),
            Some(Occupation::Cadre)
        );
        assert_eq!(
            serde_json::to_string(&PoliticalStatus::ZhiGong).unwrap(),
            "\"zhi_gong\""
        );
    }
}
