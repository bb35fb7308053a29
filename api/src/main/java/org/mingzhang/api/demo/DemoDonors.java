package org.mingzhang.api.demo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mingzhang.api.donations.DonorIdentifiers;

/**
 * The county's gifts: the named ones of {@link DemoCounty} and a few hundred drawn from a fixed seed, so that every
 * load books the same gifts. Residents are drawn from common surnames and given names, with mainland mobile numbers
 * and resident ID numbers whose check digit holds (GB 11643); companies and organisations carry unified social credit
 * codes whose check character holds (GB 32100). Every number is of the made-up region 3799xx.
 */
final class DemoDonors {

    static final long SEED = 2026;

    /** A gift ready to send: the donor as the API takes it, the time as the data writes it. */
    record Gift(String fundCode, String projectCode, long amountFen, String channel, Map<String, Object> donor,
                LocalDateTime receivedAt, String note, DemoCounty.InKind inKind) {

        String kind() {
            return (String) donor.get("kind");
        }
    }

    private static final String[] SURNAMES = {"王", "张", "李", "刘", "孙", "杨", "赵", "徐", "高", "马", "陈", "于", "董",
        "郑", "宋", "孔", "颜", "曲", "蒋", "邢", "田", "鹿", "周", "吴", "胡", "朱", "郭", "韩", "冯", "葛"};
    private static final String[] GIVEN_NAMES = {"建国", "秀英", "桂兰", "志强", "玉梅", "海燕", "明", "静", "伟", "芳",
        "丽娟", "文华", "淑珍", "国庆", "红梅", "晓东", "子涵", "浩然", "欣怡", "雨桐", "立新", "春燕", "德明", "凤英",
        "洪涛", "玉兰", "金凤", "振华", "婷婷", "思远", "俊杰", "秀云", "长青", "兆刚", "美玲", "永强"};
    /** Local businesses; the credit code is drawn with the name. */
    private static final String[] COMPANIES = {"沂泉县鲁丰农资有限公司", "沂泉县惠民大药房连锁有限公司", "沂泉县顺达物流有限公司",
        "沂泉县槐花酒业有限公司", "沂泉县新城置业有限公司", "沂泉县康宁医疗器械有限公司", "沂泉县诚信汽车维修服务有限公司",
        "沂泉县城西农贸市场管理有限公司", "沂泉县万家福超市有限公司", "沂泉县绿源果蔬专业合作社", "沂泉县恒通建材有限公司",
        "沂泉县好运来餐饮管理有限公司"};
    private static final String[] ORGANIZATIONS = {"沂泉县城西街道机关党支部", "沂泉县第一实验小学家长委员会", "沂泉县志愿者协会",
        "福源社区老年协会", "沂泉县书法家协会", "沂泉县退役军人志愿服务队", "槐树社区广场舞队", "沂泉县青年企业家协会"};
    private static final String[] MOBILE_PREFIXES = {"138", "139", "135", "136", "150", "151", "158", "186", "187", "188"};
    private static final long[] PERSON_YUAN = {20, 50, 50, 100, 100, 100, 100, 200, 200, 200, 300, 500, 500, 1000};
    private static final long[] PERSON_ODD_YUAN = {66, 88, 99, 168, 520, 666, 888};
    private static final long[] COMPANY_YUAN = {1000, 2000, 2000, 3000, 5000};
    private static final long[] ORGANIZATION_YUAN = {500, 800, 1000, 2000};
    private static final String[] NOTES = {"支持社区建设", "一点心意", "为老人尽份力", "邻里互助", "党员带头捐", "全家一起捐",
        "孩子压岁钱捐一部分", "感谢社区帮助"};

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final List<Map<String, Object>> residents = new ArrayList<>();
    private final List<Map<String, Object>> companies = new ArrayList<>();
    private final List<Map<String, Object>> organizations = new ArrayList<>();

    private DemoDonors() {
        // A few hundred residents, so that some of them give more than once, as neighbours do.
        for (int i = 0; i < 220; i++) {
            residents.add(resident());
        }
        for (String name : COMPANIES) {
            String stem = "91379900MA" + drawChars(7);
            companies.add(donor(name, "ENTERPRISE", null, null, random.nextInt(4) > 0 ? creditCode(stem) : null, false,
                    random.nextInt(5) < 3));
        }
        for (String name : ORGANIZATIONS) {
            String stem = "51379900MJ" + drawChars(7);
            organizations.add(donor(name, "ORGANIZATION", null, null, random.nextInt(2) == 0 ? creditCode(stem) : null, false,
                    true));
        }
    }

    /** Every gift of the county, named and drawn, oldest first. */
    static List<Gift> gifts(List<DemoCounty.Project> projects, List<DemoCounty.Giving> giving,
                            List<DemoCounty.NamedGift> named) {
        DemoDonors d = new DemoDonors();
        List<Gift> gifts = new ArrayList<>();
        for (DemoCounty.NamedGift g : named) {
            Map<String, Object> donor = donor(g.giver().name(), g.giver().kind(), null, null,
                    g.giver().creditCodeStem() == null ? null : creditCode(g.giver().creditCodeStem()), false,
                    g.giver().publicNameConsent());
            gifts.add(new Gift(g.fundCode(), g.projectCode(), fen(g.amount()), g.channel(), donor,
                    LocalDateTime.parse(g.receivedAt()), g.note(), g.inKind()));
        }
        for (DemoCounty.Giving g : giving) {
            for (int i = 0; i < g.gifts(); i++) {
                gifts.add(d.drawn(g.fundCode(), null, Long.MAX_VALUE, LocalDateTime.parse(g.from()), LocalDateTime.parse(g.to())));
            }
        }
        LocalDateTime lastGift = LocalDateTime.parse(DemoCounty.LAST_GIFT);
        for (DemoCounty.Project p : projects) {
            if (p.raise() == null) {
                continue;
            }
            LocalDateTime to = LocalDateTime.parse(p.closesAt());
            LocalDateTime from = LocalDateTime.parse(p.opensAt());
            long left = fen(p.raise());
            while (left > 0) {
                Gift gift = d.drawn(p.fundCode(), p.code(), left, from, to.isBefore(lastGift) ? to : lastGift);
                gifts.add(gift);
                left -= gift.amountFen();
            }
        }
        gifts.sort(Comparator.comparing(Gift::receivedAt));
        return gifts;
    }

    /** One drawn gift of at most {@code capFen}, received between {@code from} and {@code to}. */
    private Gift drawn(String fundCode, String projectCode, long capFen, LocalDateTime from, LocalDateTime to) {
        int who = random.nextInt(100);
        Map<String, Object> donor;
        long yuan;
        String channel;
        String note = null;
        if (who < 84) {
            donor = new LinkedHashMap<>(residents.get(random.nextInt(residents.size())));
            // Now and then a resident gives without being named in public.
            if (random.nextInt(100) < 8) {
                donor.put("anonymous", true);
            }
            yuan = random.nextInt(10) == 0 ? pick(PERSON_ODD_YUAN) : pick(PERSON_YUAN);
            int how = random.nextInt(100);
            channel = how < 38 ? "WECHAT_PAY" : how < 58 ? "ALIPAY" : how < 72 ? "BANK_TRANSFER" : how < 93 ? "CASH"
                    : "CHARITY_SALE";
            if (channel.equals("CHARITY_SALE")) {
                note = "社区爱心义卖所得";
            } else if (random.nextInt(3) == 0) {
                note = NOTES[random.nextInt(NOTES.length)];
            }
        } else if (who < 95) {
            donor = companies.get(random.nextInt(companies.size()));
            yuan = pick(COMPANY_YUAN);
            channel = random.nextInt(10) == 0 ? "WECHAT_PAY" : "BANK_TRANSFER";
            note = "企业爱心捐赠";
        } else {
            donor = organizations.get(random.nextInt(organizations.size()));
            yuan = pick(ORGANIZATION_YUAN);
            channel = random.nextInt(3) == 0 ? "CHARITY_SALE" : "BANK_TRANSFER";
            note = channel.equals("CHARITY_SALE") ? "爱心义卖所得" : "集体捐赠";
        }
        long amountFen = Math.min(yuan * 100, capFen);
        return new Gift(fundCode, projectCode, amountFen, channel, donor, time(from, to), note, null);
    }

    /** A time between the two, by day, in the hours people give (8:00 to 21:59), to the minute. */
    private LocalDateTime time(LocalDateTime from, LocalDateTime to) {
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        LocalDateTime day = from.truncatedTo(ChronoUnit.DAYS).plusDays(random.nextLong(days));
        LocalDateTime at = day.plusHours(8 + random.nextInt(14)).plusMinutes(random.nextInt(60));
        return at.isBefore(from) ? from : at.isAfter(to) ? to : at;
    }

    private Map<String, Object> resident() {
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
        String phone = random.nextInt(100) < 85
                ? MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + "0000" + String.format("%04d", random.nextInt(10_000))
                : null;
        String idNumber = null;
        if (random.nextInt(100) < 45) {
            LocalDateTime born = LocalDateTime.of(1940, 1, 1, 0, 0).plusDays(random.nextLong(65L * 365));
            idNumber = residentId(String.format("3799%02d%04d%02d%02d%03d", 1 + random.nextInt(12), born.getYear(),
                    born.getMonthValue(), born.getDayOfMonth(), random.nextInt(1000)));
        }
        return donor(name, "PERSON", phone, idNumber, null, false, random.nextInt(2) == 0);
    }

    private static Map<String, Object> donor(String name, String kind, String phone, String idNumber, String creditCode,
                                             boolean anonymous, boolean publicNameConsent) {
        // Identifiers a donor has not given are left out: the API refuses an empty string for one.
        Map<String, Object> donor = new LinkedHashMap<>();
        donor.put("name", name);
        donor.put("kind", kind);
        if (phone != null) {
            donor.put("phone", phone);
        }
        if (idNumber != null) {
            donor.put("idNumber", idNumber);
        }
        if (creditCode != null) {
            donor.put("creditCode", creditCode);
        }
        donor.put("anonymous", anonymous);
        donor.put("publicNameConsent", publicNameConsent);
        return donor;
    }

    private long pick(long[] values) {
        return values[random.nextInt(values.length)];
    }

    private String drawChars(int count) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < count; i++) {
            chars.append(DonorIdentifiers.CREDIT_CODE_CHARS.charAt(random.nextInt(DonorIdentifiers.CREDIT_CODE_CHARS.length())));
        }
        return chars.toString();
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    /** A resident identity number: the 17 digits given and their check character (GB 11643-1999). */
    static String residentId(String first17) {
        return first17 + DonorIdentifiers.residentIdCheck(first17);
    }

    /** A unified social credit code: the 17 characters given and their check character (GB 32100-2015). */
    static String creditCode(String first17) {
        return first17 + DonorIdentifiers.creditCodeCheck(first17);
    }
}
