package org.mingzhang.api.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.mingzhang.user.Role;

/**
 * The roles that may call an endpoint under {@code /api/v1}. {@link AuthFilter} reads it from the
 * matched route and is the one place that decides; an endpoint without it is refused to everyone,
 * so a forgotten annotation fails closed. ADMIN may call every endpoint (see {@code User.mayActAs}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    Role[] value();
}
