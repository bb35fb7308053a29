package org.mingzhang.gift;

import org.mingzhang.account.ChartTemplate;

/** How a gift arrived, and so which asset account it is booked into. */
public enum Channel {
    BANK_TRANSFER(ChartTemplate.BANK),
    CASH(ChartTemplate.CASH),
    /** WeChat Pay and Alipay settle into the federation's bank account. */
    WECHAT_PAY(ChartTemplate.BANK),
    ALIPAY(ChartTemplate.BANK),
    /** Charity-sale (义卖) proceeds go into the fund like any gift of money. */
    CHARITY_SALE(ChartTemplate.BANK),
    /** Goods (捐物), booked at their valuation as inventory. */
    IN_KIND("1201");

    private final String assetAccountCode;

    Channel(String assetAccountCode) {
        this.assetAccountCode = assetAccountCode;
    }

    public String assetAccountCode() {
        return assetAccountCode;
    }
}
