package org.mingzhang.api.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * The worked county that {@code --demo} loads: 沂泉县 (Yiquan County, Shandong; fictitious, as is every person and
 * company here). The county federation's community development fund, its seed fund and the 2026 matching pool it
 * pays for, 城西街道's street fund and three community funds under it, residents' needs, and one project at every
 * stage of a project's life. The gifts are drawn by {@link DemoDonors} from a fixed seed; the rest is written out
 * here so that a reader sees the county at a glance. Times are China Standard Time in 2026 ({@link DemoCalendar}
 * places them on the real calendar).
 */
final class DemoCounty {

    /** The year the data is written in. */
    static final int YEAR = 2026;
    /** No event of the data (a gift, a manual entry) happens after this. */
    static final String LAST_EVENT = "2026-11-30T17:00";
    /** Where a generated gift may fall at the latest. */
    static final String LAST_GIFT = "2026-11-28T20:00";

    private DemoCounty() {
    }

    // --- who works the books ----------------------------------------------------------------------------------

    /** A user the demo creates, and what it does in the story. */
    record Staff(String name, String role) {
    }

    static final Staff ADMIN = new Staff("周建华（县慈善总会秘书长）", "ADMIN");
    /** Records gifts, pays, closes fundraising and records results. */
    static final Staff ACCOUNTANT = new Staff("李春梅（县慈善总会会计）", "ACCOUNTANT");
    /** The community funds' officer: writes and submits the plans, asks for payments. */
    static final Staff OFFICER = new Staff("王海燕（城西街道社区基金专干）", "ACCOUNTANT");
    /** Approves plans and payments, accepts finished projects. */
    static final Staff CHAIR = new Staff("孙志强（社区基金管理委员会主任）", "COMMITTEE");
    /** Records residents' needs, rejects what does not fit, decides leftovers. */
    static final Staff MEMBER = new Staff("赵淑珍（社区基金管理委员会委员）", "COMMITTEE");

    // --- funds -------------------------------------------------------------------------------------------------

    /** A fund of the tree: CITY at the top, SEED under it, STREET under CITY, COMMUNITY under STREET. */
    record Fund(String code, String name, String level, String parentCode) {
    }

    static final String COUNTY = "YQCSZH";
    static final String SEED = "YQZZJJ";
    static final String STREET = "CXJD";
    static final String FUYUAN = "FYSQ";
    static final String HUAISHU = "HSSQ";
    static final String XINGYUAN = "XYSQ";

    static final List<Fund> FUNDS = List.of(
            new Fund(COUNTY, "沂泉县慈善总会社区发展基金", "CITY", null),
            new Fund(SEED, "沂泉县社区基金种子基金", "SEED", COUNTY),
            new Fund(STREET, "沂泉县城西街道社区基金", "STREET", COUNTY),
            new Fund(FUYUAN, "城西街道福源社区基金", "COMMUNITY", STREET),
            new Fund(HUAISHU, "城西街道槐树社区基金", "COMMUNITY", STREET),
            new Fund(XINGYUAN, "城西街道杏园社区基金", "COMMUNITY", STREET));

    static final List<String> COMMUNITIES = List.of(FUYUAN, HUAISHU, XINGYUAN);

    // --- the matching pool (配捐) --------------------------------------------------------------------------------

    /** A rate tier: from {@code minRaised} of match base, {@code rate} of the whole base (FLAT). */
    record Tier(String minRaised, String rate) {
    }

    /** The 2026 pool: paid out of the seed fund, settled as each project's fundraising closes. */
    record Pool(String code, String name, String sponsorFundCode, String budget, String mode, List<Tier> tiers,
                String perProjectCap, String perDonationCap, String perDonorCap, List<String> eligibleCategories,
                List<String> eligibleFunds, String opensAt, String closesAt, String settlement) {
    }

    static final String POOL_CODE = "YQPJ-2026";

    /** 募集不足1万元配捐10%，达到1万元配捐20%，达到3万元配捐30%；每个项目最多配捐1.2万元。 */
    static final Pool POOL = new Pool(POOL_CODE, "沂泉县2026年社区基金种子配捐", SEED, "150000.00", "FLAT",
            List.of(new Tier("0.00", "0.10"), new Tier("10000.00", "0.20"), new Tier("30000.00", "0.30")),
            "12000.00", "2000.00", "5000.00",
            List.of("便民维修", "助老助残", "儿童关爱", "健康义诊", "文化惠民", "法律援助"),
            COMMUNITIES, "2026-03-01T00:00", "2026-12-31T23:59:59", "AT_PROJECT_CLOSE");

    // --- residents' needs (居民点单) -------------------------------------------------------------------------------

    /** A need as the residents' committee wrote it down; {@code key} lets a project name the need it answers. */
    record Need(String key, String fundCode, String title, String description, String raisedBy, int supporters) {
    }

    static final List<Need> NEEDS = List.of(
            new Need("fy-light", FUYUAN, "老旧楼道晚上太黑", "福源小区1至12号楼建于上世纪九十年代，楼道灯大多损坏，老人夜里上下楼摔倒过两次",
                    "福源小区居民议事会", 86),
            new Need("fy-meal", FUYUAN, "高龄老人吃饭难", "社区80岁以上老人有140多位，其中独居的四十多位，做饭困难，希望社区能有助餐点",
                    "福源社区老年协会", 57),
            new Need("fy-books", FUYUAN, "想要一个看书的地方", "孩子放假和老人白天没地方看书读报，希望把闲置的居委会二楼改成书屋",
                    "福源小区5号楼居民", 23),
            new Need("fy-parking", FUYUAN, "小区停车乱", "晚上车辆占用消防通道，希望重新划线并安装车挡", "福源小区8号楼居民", 31),
            new Need("hs-kids", HUAISHU, "孩子放学后没人看管", "双职工家庭多，小学生下午四点半放学后无人接送看管，在小区里乱跑不安全",
                    "槐树社区家长代表", 64),
            new Need("hs-health", HUAISHU, "老人量血压要跑医院", "社区慢病老人多，量血压、测血糖要去县医院排队，希望在社区能定期检测",
                    "槐树社区老年协会", 48),
            new Need("xy-drain", XINGYUAN, "雨天污水倒灌", "杏园小区雨污管网老化堵塞，每逢大雨一楼住户污水倒灌，井盖多处破损",
                    "杏园小区一楼住户", 72),
            new Need("xy-dance", XINGYUAN, "广场舞缺音响", "杏园广场晚上跳舞的居民多，希望添置音响和简易舞台", "杏园广场舞队", 35),
            new Need("xy-winter", XINGYUAN, "困难老人冬天难熬", "社区低保和独居老人家中取暖条件差，希望冬季送去棉被和取暖补贴",
                    "杏园社区网格员", 29),
            new Need("xy-fitness", XINGYUAN, "健身器材老化", "小区健身器材锈蚀松动，孩子玩耍有安全隐患", "杏园小区居民", 18));

    // --- projects (项目) ------------------------------------------------------------------------------------------

    /** Where the demo leaves a project. */
    enum Stage { DRAFT, SUBMITTED, REJECTED, FUNDRAISING, IN_PROGRESS, COMPLETED, ACCEPTED }

    /** One budget line (预算) of a plan. */
    record Line(String item, String amount, String note) {
    }

    /** One person of the execution team (执行团队). */
    record Member(String name, String role) {
    }

    /** What becomes of a payment request: paid, paid past its line with the committee's reason, rejected, or left waiting. */
    enum PaymentEnd { PAID, PAID_OVERRUN, REJECTED, PENDING }

    /** A payment request (拨付申请) against a budget line; {@code reason} is the overrun's or the rejection's. */
    record Payment(String budgetItem, String amount, String payee, String purpose, String invoiceNo, PaymentEnd end,
                   String reason) {
    }

    /** The closing (结项): results, one outcome per goal, and what becomes of the leftover money. */
    record Closing(String results, List<String> goalOutcomes, String leftoverTargetCode, String leftoverReason) {
    }

    /**
     * A project plan and how far the demo takes it. {@code raise} is what residents and companies give it (drawn as
     * many gifts by {@link DemoDonors}); {@code refunds} name gifts given back, by their order among the project's gifts.
     */
    record Project(String code, String fundCode, String title, String category, String needKey, String need,
                   List<String> goals, List<Line> budget, String plan, List<Member> team, String opensAt, String closesAt,
                   String poolCode, String feeRate, Stage stage, String raise, List<Refund> refunds, List<Payment> payments,
                   Closing closing, String rejection) {

        String targetAmount() {
            return budget.stream().map(l -> new BigDecimal(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2).toPlainString();
        }
    }

    /** A gift of a project given back: the {@code giftIndex}-th gift (from 0) to it, whole or half. */
    record Refund(int giftIndex, boolean half, String reason) {
    }

    static final List<Project> PROJECTS = List.of(
            new Project("FYSQ-2026-001", FUYUAN, "福源社区老旧楼道照明改造", "便民维修", "fy-light",
                    "福源小区1至12号楼楼道灯大多损坏，老人夜里上下楼摔倒过两次，居民议事会86户联名点单。",
                    List.of("12栋楼楼道照明全部改造，共约360盏声控灯", "楼道夜间照明达标，居民满意度不低于90%", "施工期间零安全事故"),
                    List.of(new Line("声控LED灯具", "18000.00", "12栋楼约360盏，含三年质保"),
                            new Line("线路改造与安装人工", "14000.00", "持证电工施工，按楼栋计价"),
                            new Line("开关与辅材", "6000.00", "线槽、开关、接线盒"),
                            new Line("施工安全与保险", "2500.00", "施工人员意外险、警示围挡"),
                            new Line("公示与验收", "1500.00", "公示牌、第三方照度检测")),
                    "三月至五月公开募集，居民议事会监督；六月招标比价选定灯具供应商和施工队，按楼栋分三批施工，"
                            + "每批完工后由楼长验收签字；七月第三方照度检测，结项公示。",
                    List.of(new Member("刘玉兰", "项目负责人（福源社区居委会主任）"), new Member("宋建军", "施工监督（居民议事会代表）"),
                            new Member("马晓东", "财务联络（社区网格员）")),
                    "2026-03-01T00:00", "2026-05-31T23:59:59", POOL_CODE, "0.03", Stage.ACCEPTED, "38000.00", List.of(),
                    List.of(new Payment("声控LED灯具", "12000.00", "沂泉县明亮照明器材有限公司", "首批声控LED灯240盏", "37990261001",
                                    PaymentEnd.PAID, null),
                            new Payment("线路改造与安装人工", "13200.00", "沂泉县安达电力安装有限公司", "1至12号楼线路改造及安装人工",
                                    "37990261002", PaymentEnd.PAID, null),
                            new Payment("开关与辅材", "5400.00", "沂泉县明亮照明器材有限公司", "线槽、开关、接线盒", "37990261003",
                                    PaymentEnd.PAID, null),
                            new Payment("声控LED灯具", "7200.00", "沂泉县明亮照明器材有限公司", "第二批声控LED灯120盏（单价上涨）",
                                    "37990261004", PaymentEnd.PAID_OVERRUN, "灯具单价上涨，委员会议定同意本行超支1200元"),
                            new Payment("施工安全与保险", "2300.00", "中国人民财产保险沂泉支公司", "施工人员意外险及警示围挡",
                                    "37990261005", PaymentEnd.PAID, null),
                            new Payment("公示与验收", "1200.00", "沂泉县质量技术检测中心", "公示牌制作及楼道照度检测", "37990261006",
                                    PaymentEnd.PAID, null)),
                    new Closing("12栋楼共更换声控LED灯362盏，改造线路约2100米；第三方检测楼道照度全部达标；"
                                    + "回访120户，满意率96%。灯具涨价致灯具一行超支1200元，经委员会同意。",
                            List.of("完成：12栋楼更换声控灯362盏", "完成：照度全部达标，满意率96%", "完成：施工期间无安全事故"),
                            null, "结余退回福源社区基金，用于后续便民项目"),
                    null),
            new Project("FYSQ-2026-002", FUYUAN, "福源社区长者食堂助餐服务", "助老助残", "fy-meal",
                    "社区80岁以上老人140多位，独居的四十多位做饭困难，老年协会点单希望设助餐点。",
                    List.of("为80岁以上老人每餐补贴5元，全年约6000餐", "为行动不便老人送餐上门", "食堂通过食品安全检测"),
                    List.of(new Line("高龄老人餐补", "30000.00", "每餐补贴5元，约6000餐"),
                            new Line("厨房设备添置", "12000.00", "消毒柜、保温送餐车"),
                            new Line("送餐志愿者补贴", "8000.00", "行动不便老人送餐上门"),
                            new Line("食品安全检测", "4000.00", "每季度一次第三方检测"),
                            new Line("适老化餐桌椅", "6000.00", "防滑、带扶手")),
                    "六月至九月募集；十月添置设备，长者食堂按季度结算餐补；送餐志愿者凭签到表领取补贴；"
                            + "每季度公示就餐人次和补贴金额。",
                    List.of(new Member("刘玉兰", "项目负责人（福源社区居委会主任）"), new Member("高秀英", "长者食堂负责人"),
                            new Member("于浩然", "志愿者队长")),
                    "2026-06-01T00:00", "2026-09-30T23:59:59", POOL_CODE, "0.05", Stage.IN_PROGRESS, "46000.00",
                    List.of(new Refund(4, false, "捐赠人误将同一笔捐款转账两次，退回重复的一笔")),
                    List.of(new Payment("厨房设备添置", "11600.00", "沂泉县鑫厨商用厨具有限公司", "消毒柜2台、保温送餐车3辆",
                                    "37990262001", PaymentEnd.PAID, null),
                            new Payment("高龄老人餐补", "9000.00", "福源社区长者食堂", "第三季度高龄老人餐补1800餐", "37990262002",
                                    PaymentEnd.PAID, null),
                            new Payment("适老化餐桌椅", "5800.00", "沂泉县宜家乐家具有限公司", "适老化餐桌10张、餐椅40把",
                                    "37990262003", PaymentEnd.PAID, null),
                            new Payment("送餐志愿者补贴", "3000.00", "福源社区志愿者服务队", "十月送餐志愿者补贴", null,
                                    PaymentEnd.REJECTED, "志愿者名单与签到表不符，请补充材料后重新申请"),
                            new Payment("高龄老人餐补", "9000.00", "福源社区长者食堂", "第四季度高龄老人餐补1800餐", "37990262004",
                                    PaymentEnd.PENDING, null)),
                    null, null),
            new Project("FYSQ-2026-003", FUYUAN, "福源社区邻里书屋", "文化惠民", "fy-books",
                    "孩子放假和老人白天没地方看书读报，居民希望把居委会闲置的二楼改成书屋。",
                    List.of("建成60平方米邻里书屋，藏书3000册", "每周开放不少于5天，由志愿者值守"),
                    List.of(new Line("书架与阅读桌椅", "7000.00", "书架12组、桌椅20套"),
                            new Line("图书采购", "8000.00", "少儿、养生、文史类为主"),
                            new Line("照明与空调", "2000.00", null),
                            new Line("开馆活动", "1000.00", "读书会、志愿者培训")),
                    "明年一月至三月募集，四月装修布置，五月开馆；居民可捐书抵扣图书采购。",
                    List.of(new Member("马晓东", "项目负责人（社区网格员）"), new Member("颜雨桐", "志愿者（大学生）")),
                    "2027-01-01T00:00", "2027-03-31T23:59:59", null, null, Stage.DRAFT, null, List.of(), List.of(), null, null),
            new Project("HSSQ-2026-001", HUAISHU, "槐树社区“四点半课堂”", "儿童关爱", "hs-kids",
                    "双职工家庭多，小学生下午四点半放学后无人看管，64位家长联名点单。",
                    List.of("为60名小学生提供放学后作业辅导和托管", "每周开课5天，全年不少于150天", "家长满意度不低于90%"),
                    List.of(new Line("辅导志愿者交通餐补", "12000.00", "大学生志愿者每次补贴40元"),
                            new Line("学习用品与图书", "9000.00", "作业本、文具、课外读物"),
                            new Line("桌椅与护眼台灯", "8000.00", "课桌椅30套、台灯30盏"),
                            new Line("学生安全保险", "3000.00", "60名学生意外险"),
                            new Line("家长课堂与结营活动", "4000.00", "每学期两次家长课堂")),
                    "三月中旬至六月募集；四月起借用社区党群服务中心二楼开课，县职业学院志愿者轮流辅导；"
                            + "学期末举办结营活动并公示开支。",
                    List.of(new Member("孔德明", "项目负责人（槐树社区党支部书记）"), new Member("田欣怡", "志愿者协调（县职业学院团委）"),
                            new Member("鹿桂兰", "家长代表")),
                    "2026-03-15T00:00", "2026-06-30T23:59:59", POOL_CODE, null, Stage.COMPLETED, "33000.00", List.of(),
                    List.of(new Payment("辅导志愿者交通餐补", "11500.00", "沂泉县职业学院青年志愿者协会", "四至十一月志愿者交通餐补",
                                    "37990263001", PaymentEnd.PAID, null),
                            new Payment("学习用品与图书", "8800.00", "沂泉县新华书店有限公司", "文具及课外读物", "37990263002",
                                    PaymentEnd.PAID, null),
                            new Payment("桌椅与护眼台灯", "7600.00", "沂泉县宜家乐家具有限公司", "课桌椅30套、护眼台灯30盏",
                                    "37990263003", PaymentEnd.PAID, null),
                            new Payment("学生安全保险", "2800.00", "中国人民财产保险沂泉支公司", "60名学生意外险", "37990263004",
                                    PaymentEnd.PAID, null),
                            new Payment("家长课堂与结营活动", "3600.00", "槐树社区居民委员会", "家长课堂两次、结营活动一次",
                                    "37990263005", PaymentEnd.PAID, null)),
                    new Closing("开课158天，服务小学生62名，辅导作业约9000人次；举办家长课堂4次；回访家长满意率95%。",
                            List.of("完成：服务62名小学生", "完成：开课158天", "完成：家长满意率95%"),
                            "HSSQ-2026-002", "委员会决议：结余转入槐树社区健康小屋项目"),
                    null),
            new Project("HSSQ-2026-002", HUAISHU, "槐树社区健康小屋与季度义诊", "健康义诊", "hs-health",
                    "社区慢病老人多，量血压、测血糖要去县医院排队，老年协会点单希望在社区定期检测。",
                    List.of("建成健康小屋，居民可自助测量血压血糖", "每季度组织一次义诊，每次服务不少于100人"),
                    List.of(new Line("健康检测设备", "10000.00", "血压计、血糖仪、体脂秤"),
                            new Line("义诊医生劳务与交通", "8000.00", "县人民医院、中医院医生"),
                            new Line("常用药品与耗材", "5000.00", "试纸、酒精棉等"),
                            new Line("健康讲座与宣传", "3000.00", null),
                            new Line("小屋布置", "2000.00", "隔断、桌椅、健康宣传栏")),
                    "九月起募集至年底；明年一月建成健康小屋，每季度末组织义诊，检测数据建档并反馈家庭医生。",
                    List.of(new Member("孔德明", "项目负责人（槐树社区党支部书记）"), new Member("曲文华", "医疗顾问（县人民医院主治医师）")),
                    "2026-09-01T00:00", "2026-12-31T23:59:59", POOL_CODE, null, Stage.FUNDRAISING, "15000.00",
                    List.of(new Refund(2, true, "捐赠人家中急用，申请退回一半")), List.of(), null, null),
            new Project("XYSQ-2026-001", XINGYUAN, "杏园小区雨污管网疏通与井盖更换", "便民维修", "xy-drain",
                    "杏园小区雨污管网老化堵塞，逢大雨一楼住户污水倒灌，井盖多处破损，72户联名点单。",
                    List.of("疏通雨污管网约1800米", "更换破损井盖36个", "汛期一楼住户不再倒灌"),
                    List.of(new Line("管网疏通与清淤", "22000.00", "高压清洗车作业"),
                            new Line("破损管段更换", "15000.00", "约120米"),
                            new Line("井盖更换", "10800.00", "球墨铸铁防沉降井盖36个"),
                            new Line("施工安全与交通疏导", "2200.00", null),
                            new Line("监理与公示", "2000.00", null)),
                    "十二月起募集至明年三月；四月汛期前完成疏通和井盖更换，五月邀请一楼住户代表验收。",
                    List.of(new Member("蒋立新", "项目负责人（杏园社区居委会主任）"), new Member("邢国庆", "住户代表")),
                    "2026-12-15T00:00", "2027-03-31T23:59:59", POOL_CODE, null, Stage.SUBMITTED, null, List.of(), List.of(),
                    null, null),
            new Project("XYSQ-2026-002", XINGYUAN, "杏园广场音响与舞台设备", "文化惠民", "xy-dance",
                    "杏园广场晚上跳舞的居民多，舞队希望添置音响和简易舞台。",
                    List.of("添置户外音响两套", "搭建简易舞台一座"),
                    List.of(new Line("户外音响", "18000.00", "两套"), new Line("简易舞台", "15000.00", "钢架结构"),
                            new Line("安装调试", "2000.00", null)),
                    "八月至十月募集，十一月安装。",
                    List.of(new Member("蒋立新", "项目负责人（杏园社区居委会主任）")),
                    "2026-08-01T00:00", "2026-10-31T23:59:59", POOL_CODE, null, Stage.REJECTED, null, List.of(), List.of(),
                    null, "与街道文化站已配设备重复，且噪声扰民投诉较多；建议改为室内活动方案后重新申报"),
            new Project("XYSQ-2026-003", XINGYUAN, "杏园社区困境老人冬季送温暖", "助老助残", "xy-winter",
                    "社区低保和独居老人家中取暖条件差，网格员点单希望冬季送去棉被和取暖补贴。",
                    List.of("为48位困境老人每人送棉被一条", "每人发放取暖补贴200元"),
                    List.of(new Line("取暖补贴", "9600.00", "48人每人200元"), new Line("棉被", "7200.00", "48条，含企业捐赠"),
                            new Line("走访慰问", "1200.00", "志愿者交通")),
                    "十月中旬起募集至明年一月；十二月上旬由网格员和志愿者逐户走访发放，发放签收表公示。",
                    List.of(new Member("邢国庆", "项目负责人（杏园社区网格员）"), new Member("董丽娟", "志愿者")),
                    "2026-10-15T00:00", "2027-01-31T23:59:59", null, null, Stage.FUNDRAISING, "9000.00", List.of(), List.of(),
                    null, null));

    // --- named gifts and unrestricted giving ------------------------------------------------------------------------

    /** A company or organisation that gives under its own name; the credit code's first 17 characters are given. */
    record Giver(String name, String kind, String creditCodeStem, boolean publicNameConsent) {
    }

    /** A gift written out by hand: the seed fund's backers, a charity sale, goods. {@code inKind} only for IN_KIND. */
    record NamedGift(String fundCode, String projectCode, String amount, String channel, Giver giver, String receivedAt,
                     String note, InKind inKind) {
    }

    /** Goods given (捐物): what, how many, and how the value was set. */
    record InKind(String description, String quantity, String valuationBasis) {
    }

    static final Giver FUYUAN_FOOD = new Giver("沂泉县福源食品有限公司", "ENTERPRISE", "91379900MA3C8F2K1", true);
    static final Giver JIANGONG = new Giver("山东沂泉建工集团有限公司", "ENTERPRISE", "91379900MA3D1H7P4", true);
    static final Giver RURAL_BANK = new Giver("沂泉农村商业银行股份有限公司", "ENTERPRISE", "91379900MA3B6R2T8", true);
    static final Giver TEXTILE = new Giver("沂泉县泰和纺织有限公司", "ENTERPRISE", "91379900MA3E4N9W2", false);
    static final Giver FLOUR = new Giver("沂泉县金穗面粉有限公司", "ENTERPRISE", "91379900MA3F2L5X6", true);
    static final Giver SELF_EMPLOYED = new Giver("沂泉县个体劳动者协会", "ORGANIZATION", "51379900MJ2A3C4D5", true);
    static final Giver FUYUAN_COMMITTEE = new Giver("福源社区居民委员会", "ORGANIZATION", null, true);

    /** The seed fund's backers in January and February, the county's own gifts, a charity sale and two gifts of goods. */
    static final List<NamedGift> NAMED_GIFTS = List.of(
            new NamedGift(SEED, null, "60000.00", "BANK_TRANSFER", JIANGONG, "2026-01-12T10:30", "注资社区基金种子基金", null),
            new NamedGift(SEED, null, "50000.00", "BANK_TRANSFER", FUYUAN_FOOD, "2026-01-20T15:10", "注资社区基金种子基金", null),
            new NamedGift(SEED, null, "40000.00", "BANK_TRANSFER", RURAL_BANK, "2026-02-03T09:45", "注资社区基金种子基金", null),
            new NamedGift(SEED, null, "30000.00", "BANK_TRANSFER", TEXTILE, "2026-02-10T11:20", "注资社区基金种子基金", null),
            new NamedGift(SEED, null, "20000.00", "BANK_TRANSFER", FLOUR, "2026-02-26T14:00", "注资社区基金种子基金", null),
            new NamedGift(COUNTY, null, "5000.00", "BANK_TRANSFER", SELF_EMPLOYED, "2026-04-08T10:00", "会员单位集体捐赠", null),
            new NamedGift(FUYUAN, null, "3860.50", "CHARITY_SALE", FUYUAN_COMMITTEE, "2026-06-19T18:30", "端午爱心义卖所得",
                    null),
            new NamedGift(XINGYUAN, null, "6500.00", "IN_KIND", FLOUR, "2026-09-28T09:00", "中秋慰问困难家庭",
                    new InKind("面粉、食用油", "面粉100袋、食用油50桶", "按本公司出厂价和购货发票计价")),
            new NamedGift(XINGYUAN, "XYSQ-2026-003", "7200.00", "IN_KIND", TEXTILE, "2026-11-06T10:00", "冬季送温暖定向捐赠",
                    new InKind("冬季棉被", "48条", "出厂价每条150元")));

    /**
     * Unrestricted gifts of residents and local businesses to a fund: how many, and between which days. They start
     * after the seed fund's backers gave, so that receipt numbers follow the dates.
     */
    record Giving(String fundCode, int gifts, String from, String to) {
    }

    static final List<Giving> GIVING = List.of(
            new Giving(COUNTY, 16, "2026-03-01T00:00", LAST_GIFT),
            new Giving(STREET, 10, "2026-03-01T00:00", LAST_GIFT),
            new Giving(FUYUAN, 20, "2026-03-01T00:00", LAST_GIFT),
            new Giving(HUAISHU, 16, "2026-03-01T00:00", LAST_GIFT),
            new Giving(XINGYUAN, 16, "2026-03-01T00:00", LAST_GIFT));

    /** When each community fund takes the cash it received to the bank (现金存入银行, a manual entry). */
    static final String CASH_BANKED_AT = "2026-11-30T16:30";
}
