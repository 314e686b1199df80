package io.muster.coordinator;

import java.util.Iterator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;

/**
 * A page form checked by the rules of the request the API takes for the same operation: the form
 * comes back with what was typed ({@link io.muster.web.Refusal#showOnForm} places a service's refusal).
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

    private static boolean isField(BindingResult form, String field) {
        return form.getTarget() != null
                && PropertyAccessorFactory.forBeanPropertyAccess(form.getTarget()).isReadableProperty(field);
    }
}
