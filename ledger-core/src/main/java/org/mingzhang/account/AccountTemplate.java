package org.mingzhang.account;

/** One line of the chart-of-accounts template that every new fund is given. */
public record AccountTemplate(String code, String name, AccountType type, boolean restricted, boolean mustNotGoNegative) {
}
