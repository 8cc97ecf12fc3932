package it.rivendo.api.web;

import it.rivendo.api.Idempotency;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the API's controllers as a problem detail, never an HTML page or a bare
 * 500: 400 for a request that cannot be read (malformed JSON, a wrong parameter), 404 for
 * what does not exist or is another reseller's, 422 with the wrong fields for invalid
 * input, 402 when the credit is short (with what is missing), 409 for other refusals.
 */
@RestControllerAdvice(assignableTypes = ApiEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorsAdvice {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorsAdvice.class);

	private final ApiProblems problems;

	ApiErrorsAdvice(MessageSource messages, JsonMapper json) {
		this.problems = new ApiProblems(messages, json);
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ProblemDetail notFound(HttpServletRequest request) {
		return problems.problem(request, HttpStatus.NOT_FOUND, "not-found");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpServletRequest request) {
		return problems.problem(request, HttpStatus.BAD_REQUEST, "malformed-json");
	}

	@ExceptionHandler(ApiCursor.BadRequest.class)
	ProblemDetail badParameter(ApiCursor.BadRequest bad, HttpServletRequest request) {
		return withErrors(problems.problem(request, HttpStatus.BAD_REQUEST, "bad-parameter"),
				List.of(new ApiProblems.FieldProblem(bad.parameter(),
						problems.message(request, bad.messageKey(), bad.arguments()))));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
		if (mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// /services/abc: no such service
			return notFound(request);
		}
		return withErrors(problems.problem(request, HttpStatus.BAD_REQUEST, "bad-parameter"),
				List.of(new ApiProblems.FieldProblem(mismatch.getName(),
						problems.message(request, "api.parameter.unreadable"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException missing, HttpServletRequest request) {
		return withErrors(problems.problem(request, HttpStatus.BAD_REQUEST, "bad-parameter"),
				List.of(new ApiProblems.FieldProblem(missing.getParameterName(),
						problems.message(request, "validation.required"))));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ProblemDetail missingHeader(MissingRequestHeaderException missing, HttpServletRequest request) {
		return withErrors(problems.problem(request, HttpStatus.BAD_REQUEST, "missing-header", missing.getHeaderName()),
				List.of(new ApiProblems.FieldProblem(missing.getHeaderName(),
						problems.message(request, "validation.required"))));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException invalid, HttpServletRequest request) {
		return withErrors(problems.problem(request, HttpStatus.UNPROCESSABLE_CONTENT, "invalid"), invalid
			.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new ApiProblems.FieldProblem(snakeCase(error.getField()), problems.message(request, error)))
			.toList());
	}

	@ExceptionHandler(ApiValidationException.class)
	ProblemDetail invalid(ApiValidationException invalid, HttpServletRequest request) {
		return withErrors(problems.problem(request, HttpStatus.UNPROCESSABLE_CONTENT, "invalid"),
				invalid.errors()
					.stream()
					.map(error -> new ApiProblems.FieldProblem(error.field(),
							problems.message(request,
									new DefaultMessageSourceResolvable(new String[] { error.messageKey() },
											error.arguments(), error.messageKey()))))
					.toList());
	}

	@ExceptionHandler(InsufficientCreditException.class)
	ProblemDetail insufficientCredit(InsufficientCreditException refusal, HttpServletRequest request) {
		ProblemDetail problem = problems.problem(request, HttpStatus.PAYMENT_REQUIRED, "insufficient-credit",
				ApiJson.amount(refusal.missing()));
		problem.setProperty("missing", ApiJson.amount(refusal.missing()));
		problem.setProperty("balance", ApiJson.amount(refusal.balance()));
		problem.setProperty("required", ApiJson.amount(refusal.required()));
		return problem;
	}

	@ExceptionHandler(Refusal.class)
	ProblemDetail refused(Refusal refusal, HttpServletRequest request) {
		ProblemDetail problem = problems.problem(request, HttpStatus.CONFLICT, "refused");
		problem.setDetail(problems.message(request, new DefaultMessageSourceResolvable(
				new String[] { refusal.messageKey() }, refusal.arguments(), refusal.messageKey())));
		return problem;
	}

	@ExceptionHandler(Idempotency.InProgress.class)
	ProblemDetail inProgress(HttpServletRequest request) {
		return problems.problem(request, HttpStatus.CONFLICT, "idempotency-key-in-use");
	}

	@ExceptionHandler(Idempotency.Reused.class)
	ProblemDetail reused(HttpServletRequest request) {
		return problems.problem(request, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail methodNotAllowed(HttpServletRequest request) {
		return problems.problem(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail unsupportedMediaType(HttpServletRequest request) {
		return problems.problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
	}

	/** Whatever else went wrong: logged, and a 500 problem without the details. */
	@ExceptionHandler(Exception.class)
	ProblemDetail failed(Exception failure, HttpServletRequest request) {
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), failure);
		return problems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal");
	}

	private static ProblemDetail withErrors(ProblemDetail problem, List<ApiProblems.FieldProblem> errors) {
		ApiProblems.fieldErrors(problem, errors);
		return problem;
	}

	/** {@code billing.vatNumber} as the JSON names it: {@code billing.vat_number}. */
	static String snakeCase(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
