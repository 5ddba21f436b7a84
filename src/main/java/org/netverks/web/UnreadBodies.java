package org.netverks.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the app answers without reading a request's body (a 403 for a missing CSRF token, a 401,
 * a redirect to log-in), Tomcat by default reads the rest of the body after the response, on the
 * worker thread, at whatever pace the client sends it: a body trickled a byte a second held its
 * thread for as long as the client liked. Here such a connection is closed after the response
 * instead, with {@code Connection: close} (the body's first kilobytes, all a form has, are
 * already read by then, so a browser still sees the answer). An answer already on its way (larger
 * than the response buffer) keeps Tomcat's default: the connection cannot say it closes any more.
 */
@Configuration(proxyBeanMethods = false)
class UnreadBodies {

    @Bean
    TomcatContextCustomizer closeConnectionsWithUnreadBodies() {
        return context -> context.getPipeline().addValve(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                getNext().invoke(request, response);
                if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
                    AtomicBoolean read = new AtomicBoolean();
                    request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, read);
                    if (!read.get() && !response.isCommitted()) {
                        // the client is told the connection ends here, so it sends its next request on a
                        // new one. Tomcat counts a connection closed this way as an error: it would turn a
                        // status below 400 into 500 and add its error page, so the status is put back and
                        // the error marked as already reported
                        response.setHeader("Connection", "close");
                        int status = response.getStatus();
                        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                        response.getCoyoteResponse().setStatus(status);
                        response.setErrorReported();
                    }
                }
            }
        });
    }
}
