package org.netverks.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the platform database cannot be reached (the embedded one is restarting, an external one
 * is down), a request that needs it is answered at once with 503 and a message saying what is
 * unavailable, never a 500. Failures inside controllers arrive through {@link ErrorResponses};
 * this filter, placed around Spring Session's, catches the ones outside them: reading the session
 * of a request with a session cookie, and the log-in, which would otherwise reach the container
 * as a bare 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final String TITLE = "Temporarily unavailable";
    static final String MESSAGE = "Accounts are unavailable right now: the site's database cannot be reached "
            + "(it is restarted automatically after a failure). Lessons can still be read; log-in, saved progress, "
            + "discussions and the lab will be back shortly. Please try again in a minute.";
    static final String RETRY_AFTER_SECONDS = "5";

    private final RenderedPages pages;

    DatabaseUnavailable(RenderedPages pages) {
        this.pages = pages;
    }

    /**
     * Whether {@code failure} (or one of its causes) says the database could not be reached or
     * went away, as opposed to a query that failed: no connection within the pool's timeout, a
     * connection refused or broken (SQLSTATE class 08), or the server shutting down or starting up.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException
                    || e instanceof CannotCreateTransactionException
                    || e instanceof SQLTransientConnectionException
                    || e instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[1-3]"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!isCause(e)) {
                throw e;
            }
            log.warn(
                    "The platform database is unavailable: {} {} answered 503 ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootMessage(e));
            if (response.isCommitted()) {
                return; // the answer is already on its way; only saving the session failed
            }
            response.reset();
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        if (ErrorResponses.wantsJson(request)) {
            ApiErrors.write(response, ApiError.of(503, MESSAGE));
            return;
        }
        pages.write(503, ErrorResponses.TEMPLATE, new ErrorResponses.ErrorView(503, TITLE, MESSAGE), request, response);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
