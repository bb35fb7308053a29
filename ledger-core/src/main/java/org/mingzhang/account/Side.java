package org.mingzhang.account;

/** The side of a posting: debit (借) or credit (贷). */
public enum Side {
    DEBIT, CREDIT
}
