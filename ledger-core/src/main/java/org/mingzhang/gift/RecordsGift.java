package org.mingzhang.gift;

/** A command that records a gift: {@link RecordGift} itself, or one that records it and answers more. */
public interface RecordsGift {

    RecordGift recordGift();
}
