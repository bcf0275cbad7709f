package dev.sheetsync.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns exceptions into JSON errors ({@link ErrorBody}), so no controller
 * answers with an HTML page or a stack trace. Messages name the offending field and value but never
 * echo internals (SQL, class names).
 */
@RestControllerAdvice
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ErrorBody> api(ApiException e) {
    return respond(e.status(), new ErrorBody(e.getMessage(), e.fields()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      fields.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    return respond(HttpStatus.BAD_REQUEST, new ErrorBody("Validation failed", fields));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            fields.putIfAbsent(
                                r.getMethodParameter().getParameterName(),
                                err.getDefaultMessage())));
    return respond(HttpStatus.BAD_REQUEST, new ErrorBody("Validation failed", fields));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    if (findCause(e, RequestBodyTooLargeException.class) != null) {
      return tooLarge();
    }
    JacksonException jackson = findCause(e, JacksonException.class);
    if (jackson != null) {
      return json(jackson);
    }
    String message =
        e.getMessage() != null && e.getMessage().startsWith("Required request body")
            ? "Request body is missing"
            : "Request body is not readable";
    return respond(HttpStatus.BAD_REQUEST, ErrorBody.of(message));
  }

  /** Also thrown directly when a PATCH body is merged onto the stored record. */
  @ExceptionHandler(JacksonException.class)
  ResponseEntity<ErrorBody> json(JacksonException e) {
    String field = fieldOf(e);
    if (e instanceof UnrecognizedPropertyException u) {
      return fieldError("Unknown field '" + u.getPropertyName() + "'", field, "unknown field");
    }
    if (e instanceof InvalidNullException) {
      return fieldError("Field '" + field + "' must not be null", field, "must not be null");
    }
    if (e instanceof InvalidFormatException f) {
      String expected = expected(f.getTargetType());
      return fieldError(
          "Invalid value '" + f.getValue() + "' for field '" + field + "'" + expected,
          field,
          "invalid value" + expected);
    }
    if (e instanceof MismatchedInputException m && field != null) {
      String expected = expected(m.getTargetType());
      return fieldError(
          "Wrong type for field '" + field + "'" + expected, field, "wrong type" + expected);
    }
    if (e instanceof StreamReadException) {
      return respond(
          HttpStatus.BAD_REQUEST,
          ErrorBody.of("Malformed JSON: " + firstLine(e.getOriginalMessage())));
    }
    return respond(HttpStatus.BAD_REQUEST, ErrorBody.of("Request body is not valid JSON input"));
  }

  @ExceptionHandler(RequestBodyTooLargeException.class)
  ResponseEntity<ErrorBody> bodyTooLarge() {
    return tooLarge();
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
    // "/api/requests/not-a-uuid" names no resource: answer as for any unknown id.
    if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
      return respond(HttpStatus.NOT_FOUND, ErrorBody.of("Not found"));
    }
    String expected = expected(e.getRequiredType());
    return fieldError(
        "Invalid value '" + e.getValue() + "' for parameter '" + e.getName() + "'" + expected,
        e.getName(),
        "invalid value" + expected);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
    return fieldError(
        "Missing parameter '" + e.getParameterName() + "'", e.getParameterName(), "required");
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ErrorBody> noHandler() {
    return respond(HttpStatus.NOT_FOUND, ErrorBody.of("Not found"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
    return respond(
        HttpStatus.METHOD_NOT_ALLOWED,
        ErrorBody.of("Method " + e.getMethod() + " is not allowed here"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ErrorBody.of(
            "Content-Type " + e.getContentType() + " is not supported; use application/json"));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorBody> notAcceptable() {
    return respond(HttpStatus.NOT_ACCEPTABLE, ErrorBody.of("Only application/json is produced"));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ErrorBody> duplicate(DuplicateKeyException e) {
    log.debug("Duplicate key", e);
    return respond(HttpStatus.CONFLICT, ErrorBody.of("Conflicts with an existing record"));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ErrorBody> integrity(DataIntegrityViolationException e) {
    log.info("Data integrity violation: {}", firstLine(e.getMostSpecificCause().getMessage()));
    return respond(
        HttpStatus.CONFLICT, ErrorBody.of("Conflicts with existing data or its constraints"));
  }

  /** Thrown by method security or by code checking permissions itself: never a 500. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ErrorBody> denied(AccessDeniedException e) {
    return respond(HttpStatus.FORBIDDEN, ErrorBody.of("Forbidden: " + e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, ErrorBody.of("Internal server error"));
  }

  private static ResponseEntity<ErrorBody> tooLarge() {
    return respond(
        HttpStatus.CONTENT_TOO_LARGE,
        ErrorBody.of("Request body exceeds " + RequestBodyLimitFilter.LIMIT_DESCRIPTION));
  }

  private static ResponseEntity<ErrorBody> fieldError(String message, String field, String text) {
    Map<String, String> fields = field == null ? Map.of() : Map.of(field, text);
    return respond(HttpStatus.BAD_REQUEST, new ErrorBody(message, fields));
  }

  private static ResponseEntity<ErrorBody> respond(HttpStatus status, ErrorBody body) {
    return ResponseEntity.status(status).body(body);
  }

  private static String fieldOf(JacksonException e) {
    List<JacksonException.Reference> path = e.getPath();
    if (path == null || path.isEmpty()) {
      return null;
    }
    return path.stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    if (type.isEnum()) {
      List<String> names =
          java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
      return "; expected one of " + String.join(", ", names);
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "; expected a date yyyy-MM-dd between 0001-01-01 and 9999-12-31";
      case "UUID" -> "; expected a UUID";
      case "BigDecimal" -> "; expected a decimal number";
      case "Integer", "int", "Long", "long" -> "; expected an integer";
      case "String" -> "; expected a string";
      case "Boolean", "boolean" -> "; expected true or false";
      default -> "";
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
