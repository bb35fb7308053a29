package org.mingzhang.closing;

/** Which years of a fund are closed (期末结转), as the writer knows it now. */
public interface ClosedYears {

    boolean closed(long fundId, int year);
}
