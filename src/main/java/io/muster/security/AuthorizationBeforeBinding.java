package io.muster.security;

import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a controller's {@code @PreAuthorize} before its request body is read and validated, so a
 * caller who may not use an operation hears 403 and nothing about the operation's fields. Method
 * security still checks every call afterwards; a rule that names an argument ({@code #username})
 * is left to it alone, since the arguments are not known yet.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    private final MethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = rule(method);
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        Method target = method.getMethod();
        EvaluationContext context = expressions.createEvaluationContext(
                () -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(method.getBean(), target, new Object[target.getParameterCount()]));
        Expression expression = expressions.getExpressionParser().parseExpression(rule.value());
        if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
            throw new AccessDeniedException("You may not do this.");
        }
        return true;
    }

    private static PreAuthorize rule(HandlerMethod method) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
