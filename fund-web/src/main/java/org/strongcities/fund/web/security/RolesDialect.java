package org.strongcities.fund.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code #roles} in templates: which roles the signed-in person holds, read once per page. The
 * navigation asks it a dozen times on every page; as {@code sec:authorize="hasRole(...)"} each question
 * parsed and evaluated a Spring Security expression in a new evaluation context (7 % of the task list's
 * CPU). The answers are the same: there is no role hierarchy, so hasRole('X') is holding ROLE_X.
 */
@Component
class RolesDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "roles";

    RolesDialect() {
        super("fund-roles");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return Roles.of(SecurityContextHolder.getContext().getAuthentication());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true; // once per page: the person does not change while it renders
            }
        };
    }

    /** The roles of one person; none when nobody is signed in. */
    public record Roles(Set<String> held) {

        static Roles of(Authentication authentication) {
            if (authentication == null || !authentication.isAuthenticated()) {
                return new Roles(Set.of());
            }
            return new Roles(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toUnmodifiableSet()));
        }

        /** Holds at least one of these roles (names as in {@link Role}). */
        public boolean any(String... roles) {
            for (String role : roles) {
                if (held.contains("ROLE_" + role)) {
                    return true;
                }
            }
            return false;
        }
    }
}
