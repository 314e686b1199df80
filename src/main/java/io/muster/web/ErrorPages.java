package io.muster.web;

import java.net.URI;

import io.muster.common.BodySizeLimit;
import io.muster.common.RequestLimits;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever failed before a controller answered (an unknown path, a wrong method, a request the
 * container refused): the API's paths get problem+json, every other path Muster's error page,
 * whatever the client accepts. Never Spring's Whitelabel page or its JSON.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final String[] API_PATHS = {"/api/", "/engine-rest/", "/v3/api-docs", "/actuator/"};

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String reason = reason(request);
        if (path != null && isApi(path)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
            problem.setTitle(status.getReasonPhrase());
            problem.setType(URI.create("about:blank"));
            problem.setInstance(URI.create(path));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("reason", reason);
        return page;
    }

    /** A sentence Muster wrote for this refusal, when it wrote one; never a container's own message. */
    private static String reason(HttpServletRequest request) {
        Object limit = request.getAttribute(BodySizeLimit.LIMIT_ATTRIBUTE);
        if (limit != null) {
            return "The request body is larger than " + limit + ".";
        }
        return (String) request.getAttribute(RequestLimits.REASON_ATTRIBUTE);
    }

    static boolean isApi(String path) {
        for (String prefix : API_PATHS) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
