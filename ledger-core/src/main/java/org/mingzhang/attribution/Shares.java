package org.mingzhang.attribution;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an amount in proportion to weights, to the fen, by the largest-remainder method (Hamilton): each part first
 * gets the floor of its exact share, then the fen left over go one each to the parts with the largest remainders. The
 * tie-break is fixed: among equal remainders, the part that comes first in the caller's order (by
 * {@link Unit.Key}'s order: lower gift id, then the gift's own money before its match share). The parts sum to the
 * amount exactly, and no part exceeds its weight when the amount does not exceed the sum of the weights.
 */
public final class Shares {

    private Shares() {
    }

    /**
     * @param amountFen what to split, 0 or more
     * @param weights one weight per part, each 0 or more, in the tie-break order; their sum must be positive
     */
    public static long[] split(long amountFen, long[] weights) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("an amount to split must not be negative: " + amountFen);
        }
        long total = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("a weight must not be negative: " + w);
            }
            total = Math.addExact(total, w);
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights must sum to more than nothing to split " + amountFen + " fen");
        }
        BigInteger amount = BigInteger.valueOf(amountFen);
        BigInteger sum = BigInteger.valueOf(total);
        long[] parts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = amount.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += parts[i];
        }
        long left = amountFen - given;
        if (left > 0) {
            List<Integer> order = new ArrayList<>(weights.length);
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    order.add(i);
                }
            }
            // Larger remainder first; among equals, the earlier part (the stable sort keeps the caller's order).
            order.sort((a, b) -> Long.compare(remainders[b], remainders[a]));
            for (int k = 0; k < left; k++) {
                parts[order.get(k)]++;
            }
        }
        return parts;
    }
}
