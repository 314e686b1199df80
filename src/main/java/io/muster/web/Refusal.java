package io.muster.web;

import java.util.Optional;
import java.util.function.Supplier;

import io.muster.common.ConflictException;
import io.muster.common.ForbiddenException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.common.TooLargeException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A refused action as a page shows it: the status and the same words the API gives. Services
 * refuse before they write (or their transaction rolls back), so a refusal has changed nothing.
 */
public record Refusal(HttpStatus status, String message) {

    public static Optional<Refusal> of(RuntimeException e) {
        if (e instanceof ConflictException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, e.getMessage()));
        }
        if (e instanceof ForbiddenException) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, e.getMessage()));
        }
        if (e instanceof InvalidInputException invalid) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, invalid.field() + ": " + e.getMessage()));
        }
        if (e instanceof TooLargeException tooLarge) {
            return Optional.of(new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.field() + ": " + e.getMessage()));
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return Optional.of(new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the limit"));
        }
        if (e instanceof NotFoundException) {
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, e.getMessage()));
        }
        if (e instanceof DataIntegrityViolationException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT,
                    ConflictException.CLASHING_DATA));
        }
        if (e instanceof OptimisticLockingFailureException
                || e instanceof org.camunda.bpm.engine.OptimisticLockingException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT,
                    ConflictException.CONCURRENT_CHANGE));
        }
        return Optional.empty();
    }

    /**
     * Shows the page an action came from again, under the refusal's status, with its reason as
     * {@code refused}; something the person may not see still answers the 404 page.
     */
    public static String showOn(RuntimeException e, HttpServletResponse response, Model model, Supplier<String> page) {
        Refusal refusal = of(e).filter(r -> r.status() != HttpStatus.NOT_FOUND).orElseThrow(() -> e);
        response.setStatus(refusal.status().value());
        model.addAttribute("refused", refusal.message());
        return page.get();
    }

    /**
     * Like {@link #showOn}, for a form: a refusal about one of the form's own fields (the service
     * names it) is shown next to that field; any other as {@code refused} above the form.
     */
    public static String showOnForm(RuntimeException e, BindingResult form, HttpServletResponse response, Model model,
            Supplier<String> page) {
        String field = e instanceof InvalidInputException invalid ? invalid.field()
                : e instanceof ConflictException conflict ? conflict.field() : null;
        if (field == null || !new BeanWrapperImpl(form.getTarget()).isReadableProperty(field)) {
            return showOn(e, response, model, page);
        }
        response.setStatus(of(e).orElseThrow().status().value());
        form.rejectValue(field, "refused." + field, e.getMessage());
        return page.get();
    }
}
