package org.mingzhang.need;

/** The record a decided need leaves for storage: the need as it now is, and whether it is new. */
public record NeedSaved(Need need, boolean created) {
}
