package io.muster.coordinator;

import java.util.Iterator;
import java.util.function.Supplier;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * A page form checked by the rules of the request the API takes for the same operation, and a
 * service's refusal shown beside the field it names: the form comes back with what was typed.
 */
final class FormChecks {

    private FormChecks() {
    }

    /**
     * Adds a field error for every rule the request breaks (a field that did not even convert
     * keeps its own error). The error codes are the constraint's name, so messages.properties may
     * word one for a form ({@code NotNull.courseForm.kind}); otherwise the API's words show.
     *
     * @return whether the form is free of errors
     */
    static boolean check(Object request, BindingResult form, Validator validator) {
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            Iterator<Path.Node> path = violation.getPropertyPath().iterator();
            String field = path.next().getName();
            String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String message = violation.getMessage();
            while (path.hasNext()) {
                Integer index = path.next().getIndex();
                if (index != null) {
                    message = "number " + (index + 1) + ": " + message;
                }
            }
            if (!isField(form, field)) {
                form.reject(code, field + ": " + message);
            } else if (!form.hasFieldErrors(field)) {
                form.rejectValue(field, code, message);
            }
        }
        return !form.hasErrors();
    }

    /**
     * Shows the form again under the refusal's status, its reason beside the field the service
     * named; a refusal without a field of the form shows above it, as {@link Refusal#showOn} does.
     */
    static String refuse(RuntimeException e, BindingResult form, HttpServletResponse response, Model model,
            Supplier<String> page) {
        String field = e instanceof InvalidInputException invalid ? invalid.field()
                : e instanceof ConflictException conflict ? conflict.field() : null;
        Refusal refusal = Refusal.of(e).orElse(null);
        if (field == null || refusal == null || refusal.status() == HttpStatus.NOT_FOUND || !isField(form, field)) {
            return Refusal.showOn(e, response, model, page);
        }
        form.rejectValue(field, "refused", e.getMessage());
        response.setStatus(refusal.status().value());
        return page.get();
    }

    private static boolean isField(BindingResult form, String field) {
        return form.getTarget() != null
                && PropertyAccessorFactory.forBeanPropertyAccess(form.getTarget()).isReadableProperty(field);
    }
}
