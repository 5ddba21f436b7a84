package org.netverks.lab;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.netverks.lab.shared.DisplaySettings;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Who the learner is to the lab, as a {@link LabService.Visitor} argument of the lab's handlers:
 * a key kept in their HTTP session (an anonymous learner gets one on first use, so their sandbox
 * follows their session cookie), their address, and the display settings of their last run.
 */
final class LabVisitors implements HandlerMethodArgumentResolver {

    private static final String LEARNER = "netverks.lab.learner";
    private static final String SETTINGS = "netverks.lab.settings";

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
        Object learner = session.getAttribute(LEARNER);
        if (learner == null) {
            learner = "anon:" + UUID.randomUUID();
            session.setAttribute(LEARNER, learner);
        }
        return new LabService.Visitor((String) learner, http.getRemoteAddr(), settings(session));
    }

    /** Keeps the settings a run left (\x, \timing, \pset, the \set variables) for the learner's next run. */
    static void remember(HttpSession session, DisplaySettings settings) {
        session.setAttribute(SETTINGS, settings);
    }

    /**
     * A value of another shape counts as the defaults; one stored before a setting existed reads
     * with that setting at its default (see DisplaySettings).
     */
    private static DisplaySettings settings(HttpSession session) {
        Object settings;
        try {
            settings = session.getAttribute(SETTINGS);
        } catch (RuntimeException e) {
            settings = null; // stored under a class this version no longer has
        }
        return settings instanceof DisplaySettings known ? known : DisplaySettings.DEFAULT;
    }
}
