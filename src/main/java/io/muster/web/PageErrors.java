package io.muster.web;

import io.muster.common.ConflictException;
import io.muster.common.ForbiddenException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.common.TooLargeException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals a page did not show itself become Muster's error page with the reason, never a
 * Whitelabel page or JSON. Something a person may not see is a plain 404, whether or not it exists.
 * The API's own advice comes first for REST controllers, so this one only ever sees pages.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler({ConflictException.class, ForbiddenException.class, InvalidInputException.class,
            TooLargeException.class, DataIntegrityViolationException.class, OptimisticLockingFailureException.class,
            OptimisticLockingException.class, MaxUploadSizeExceededException.class})
    String refused(RuntimeException e, HttpServletResponse response, Model model) {
        Refusal refusal = Refusal.of(e).orElseThrow(() -> e);
        response.setStatus(refusal.status().value());
        model.addAttribute("status", refusal.status().value());
        model.addAttribute("reason", refusal.message());
        return "error";
    }
}
