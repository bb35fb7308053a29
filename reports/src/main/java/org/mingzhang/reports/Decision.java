package org.mingzhang.reports;

import java.time.Instant;

/** A decision as a document records it: who made it, when, and the reason they gave (or null). */
public record Decision(String by, Instant at, String reason) {
}
