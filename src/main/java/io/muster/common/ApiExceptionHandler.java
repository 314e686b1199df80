package io.muster.common;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of the API into {@code application/problem+json} (RFC 9457), naming the
 * field and the reason where there is one. Nothing here stores anything: services throw before
 * they write, and a database refusal rolls the transaction back. Pages have their own advice.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Refused", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.field() + ": " + e.getMessage());
        problem.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(TooLargeException.class)
    ProblemDetail tooLarge(TooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", e.field() + ": " + e.getMessage());
        problem.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "You may not do this.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getName() + ": not a valid value");
        problem.setProperty("errors", List.of(fieldError(e.getName(), "not a valid value")));
        return problem;
    }

    /** A write the database refused (a unique key, a check, an exclusion): nothing was stored. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.debug("Database refused a write", e);
        return problem(HttpStatus.CONFLICT, "Conflict",
                ConflictException.CLASHING_DATA);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, org.camunda.bpm.engine.OptimisticLockingException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                ConflictException.CONCURRENT_CHANGE);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(f -> fieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        BodySizeLimit.TooLarge tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "Too large", tooLarge.getMessage()));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            String expected = expected(mismatch.getTargetType());
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body must be " + expected
                    + (mismatch.getMessage() != null && mismatch.getMessage().contains("START_ARRAY")
                            ? ", not an array" : ""));
            problem.setProperty("errors", List.of(fieldError("body", "expected " + expected)));
            return ResponseEntity.badRequest().body(problem);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    unknown.getPropertyName() + ": unknown field");
            problem.setProperty("errors", List.of(fieldError(unknown.getPropertyName(), "unknown field")));
        } else if (e.getCause() instanceof InvalidFormatException format) {
            String field = path(format);
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": not a valid value");
            problem.setProperty("errors", List.of(fieldError(field, "not a valid value")));
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": not a valid value");
            problem.setProperty("errors", List.of(fieldError(field, "not a valid value")));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                    "The request body is missing or is not valid JSON.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static BodySizeLimit.TooLarge tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** What a body of the given type looks like, in a person's words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a JSON object";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a JSON string";
        }
        return Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a JSON number" : "a JSON object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String summary(List<Map<String, String>> errors) {
        return errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request");
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
