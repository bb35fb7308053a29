package org.mingzhang.api.disclosure;

import org.mingzhang.gift.Channel;
import org.mingzhang.project.ProjectStatus;

/** The Chinese words the public page shows for the API's enums, given in the answers so that every reader agrees. */
final class Labels {

    private Labels() {
    }

    static String status(ProjectStatus status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "待审批";
            case FUNDRAISING -> "募集中";
            case IN_PROGRESS -> "实施中";
            case COMPLETED -> "已完成";
            case ACCEPTED -> "已验收";
            case REJECTED -> "未通过";
            case CANCELLED -> "已取消";
        };
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case BANK_TRANSFER -> "银行转账";
            case CASH -> "现金";
            case WECHAT_PAY -> "微信支付";
            case ALIPAY -> "支付宝";
            case CHARITY_SALE -> "义卖";
            case IN_KIND -> "捐物";
        };
    }
}
