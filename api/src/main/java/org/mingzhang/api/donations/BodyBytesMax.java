package org.mingzhang.api.donations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint takes, in bytes, where it needs more than
 * {@link DonationLimits#JSON_BODY_BYTES_MAX}; {@link BodySizeFilter} enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyBytesMax {
    long value();

    /** The limit's name, as a 413 quotes it so that a client can look it up: {@code importBytesMax}. */
    String name();
}
