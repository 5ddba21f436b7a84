package org.netverks.learner;

import java.util.List;
import java.util.Optional;
import org.netverks.web.ForbiddenException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method take the signed-in learner as an argument: {@code CurrentLearner
 * learner} where a learner is required (the security rules send anyone else to log in first; 403
 * if one gets through), {@code Optional<CurrentLearner> viewer} where anyone may look.
 */
@Configuration
class CurrentLearnerArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.nestedIfOptional().getNestedParameterType() == CurrentLearner.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Optional<CurrentLearner> learner = CurrentLearner.get();
        if (parameter.getParameterType() == Optional.class) {
            return learner;
        }
        return learner.orElseThrow(() -> new ForbiddenException("Log in first."));
    }
}
