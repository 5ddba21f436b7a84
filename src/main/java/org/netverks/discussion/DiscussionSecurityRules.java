package org.netverks.discussion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Reading is public; posting, editing and moderating need a signed-in learner. An anonymous
 * request for one of those goes to log-in and comes back to the page it was made from: the thread
 * (a reply, a comment) or the lesson's discussion (a new thread). Ordered first so this entry point
 * is asked before the learner feature's catch-all one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DiscussionSecurityRules implements org.netverks.web.SecurityRules {

    private static final Pattern THREAD = Pattern.compile("^(/tracks/[^/]+/[^/]+/discussion)(/(\\d+))?(/.*)?$");

    @Override
    public void apply(HttpSecurity http) throws Exception {
        RequestMatcher discussionPosting = request -> "POST".equals(request.getMethod())
                && THREAD.matcher(request.getRequestURI()).matches();
        RequestMatcher moderation = request -> request.getRequestURI().startsWith("/moderation/");
        RequestMatcher needsLogIn = request -> discussionPosting.matches(request) || moderation.matches(request);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.POST, "/tracks/*/*/discussion", "/tracks/*/*/discussion/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET, "/tracks/*/*/discussion/new", "/tracks/*/*/discussion/*/posts/*/edit")
                        .authenticated()
                        .requestMatchers("/moderation/**")
                        .authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        (request, response, denied) -> response.sendRedirect(LessonRef.logInTo(comeBackTo(request))),
                        needsLogIn));
    }

    /** Where a learner sent to log in comes back to: never a POST address, always a page. */
    static String comeBackTo(HttpServletRequest request) {
        Matcher matcher = THREAD.matcher(request.getRequestURI());
        if (!"POST".equals(request.getMethod()) || !matcher.matches()) {
            return request.getQueryString() == null
                    ? request.getRequestURI()
                    : request.getRequestURI() + "?" + request.getQueryString();
        }
        if (matcher.group(3) != null) {
            return matcher.group(1) + "/" + matcher.group(3);
        }
        return matcher.group(1).substring(0, matcher.group(1).length() - "/discussion".length()) + "#discussion";
    }
}
