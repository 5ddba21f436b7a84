package org.netverks.lab;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Who the learner is to the lab, as a {@link LabService.Visitor} argument of the lab's handlers:
 * a key kept in their HTTP session (an anonymous learner gets one on first use, so their sandbox
 * follows their session cookie), their address, and the psql settings their runs left
 * ({@link LabSettings}).
 */
final class LabVisitors implements HandlerMethodArgumentResolver {

    private static final String LEARNER = "netverks.lab.learner";

    private final LabSettings settings;

    LabVisitors(LabSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == LabService.Visitor.class;
    }

    @Override
    public LabService.Visitor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        HttpSession session = http.getSession();
        return new LabService.Visitor(
                learnerKey(session), http.getRemoteAddr(), settings.of(session).settings());
    }

    /** The learner's lab key, made on first use. */
    static String learnerKey(HttpSession session) {
        Object learner = session.getAttribute(LEARNER);
        if (learner == null) {
            learner = "anon:" + UUID.randomUUID();
            session.setAttribute(LEARNER, learner);
        }
        return (String) learner;
    }
}
