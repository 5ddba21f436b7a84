package org.netverks.learner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.netverks.web.SecurityRules;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in learner's moderator rights current: the session holds the rights they had at
 * log-in, so before a request is authorised they are compared with what {@link Moderators} says
 * now (read at most every {@link Moderators#FRESH_FOR} per account) and replaced in the session when
 * an operator granted or removed them meanwhile. Pages and the discussion's checks both read them
 * from the session.
 */
@Component
class ModeratorRights implements SecurityRules {

    private final Moderators moderators;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ModeratorRights(Moderators moderators) {
        this.moderators = moderators;
    }

    @Override
    public void apply(HttpSecurity http) {
        http.addFilterBefore(new Refresh(), AuthorizationFilter.class);
    }

    private final class Refresh extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
                    .getContext()
                    .getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof LearnerPrincipal principal) {
                refresh(principal, request, response);
            }
            chain.doFilter(request, response);
        }

        private void refresh(LearnerPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
            boolean now;
            try {
                now = moderators
                        .rightsOf(principal.accountId(), principal.moderator())
                        .orElse(principal.moderator());
            } catch (DataAccessException e) {
                return; // the database is away: the request fails or succeeds on its own account, with the rights it
                // had
            }
            if (now == principal.moderator()) {
                return;
            }
            LearnerPrincipal updated = principal.withModerator(now);
            SecurityContext context =
                    SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            contexts.saveContext(context, request, response);
        }
    }
}
