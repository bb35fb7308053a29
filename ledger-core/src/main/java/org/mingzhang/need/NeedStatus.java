package org.mingzhang.need;

/** A residents' need is open until a project answers it or the committee withdraws it; neither is undone. */
public enum NeedStatus {
    OPEN, ANSWERED, WITHDRAWN
}
