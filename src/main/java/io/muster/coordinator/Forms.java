package io.muster.coordinator;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;

import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Checks a page's form as the API checks the same request, so both refuse the same input with the same words. */
@Component
class Forms {

    private final Validator validator;
    private final MessageSource messages;

    Forms(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * The request's messages by field. A field the form could not even read (letters for a number)
     * says so in its own words, {@code directory.unreadable.<field>}, before any rule of the request.
     */
    private FormErrors check(Object request, Collection<String> unreadable) {
        FormErrors errors = new FormErrors();
        unreadable.forEach(field -> errors.add(field, messages.getMessage(
                "directory.unreadable." + FormErrors.root(field), null, LocaleContextHolder.getLocale())));
        for (ConstraintViolation<Object> v : validator.validate(request)) {
            errors.add(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }

    /**
     * Does what the form asks when the request passes the API's checks and the service takes it;
     * otherwise shows the form again, under 400 or the refusal's status, each message by its field.
     */
    String submit(Object request, Collection<String> unreadable, HttpServletResponse response, Model model,
            Function<FormErrors, String> form, Supplier<String> action) {
        FormErrors errors = check(request, unreadable);
        if (errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form.apply(errors);
        }
        try {
            return action.get();
        } catch (RuntimeException e) {
            return refused(e, errors, response, model, () -> form.apply(errors));
        }
    }

    /**
     * Shows the form again under the refusal's status, the reason next to the field it names, or
     * above the form when it names none; a refusal of another kind goes on to the error page.
     */
    private static String refused(RuntimeException e, FormErrors errors, HttpServletResponse response, Model model,
            Supplier<String> form) {
        if (!errors.take(e)) {
            return Refusal.showOn(e, response, model, form);
        }
        response.setStatus(Refusal.of(e).map(r -> r.status().value()).orElse(HttpServletResponse.SC_BAD_REQUEST));
        return form.get();
    }
}
