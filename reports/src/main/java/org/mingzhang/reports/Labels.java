package org.mingzhang.reports;

import org.mingzhang.gift.Channel;
import org.mingzhang.project.DisbursementForm;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.ProjectStatus;

/** The words the documents print for the core's enums, as a Chinese finance office writes them. */
public final class Labels {

    private Labels() {
    }

    public static String status(ProjectStatus status) {
        return switch (status) {
            case DRAFT -> "草案";
            case SUBMITTED -> "待审批";
            case FUNDRAISING -> "募集中";
            case IN_PROGRESS -> "执行中";
            case COMPLETED -> "已完成，待验收";
            case ACCEPTED -> "已结项验收";
            case REJECTED -> "未获批准";
            case CANCELLED -> "已取消";
        };
    }

    public static String channel(Channel channel) {
        return switch (channel) {
            case BANK_TRANSFER -> "银行转账";
            case CASH -> "现金";
            case WECHAT_PAY -> "微信支付";
            case ALIPAY -> "支付宝";
            case CHARITY_SALE -> "义卖";
            case IN_KIND -> "物资捐赠";
        };
    }

    public static String form(DisbursementForm form) {
        return switch (form) {
            case CASH -> "资金";
            case GOODS -> "物资";
        };
    }

    public static String disposition(LeftoverDisposition disposition) {
        return switch (disposition) {
            case RETURN_TO_FUND -> "转回基金非限定性资金";
            case TRANSFER_TO_PROJECT -> "转入其他项目";
        };
    }
}
