package it.rivendo.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers when something is wrong: RFC 9457 problem details
 * ({@code application/problem+json}) with a {@code type} per kind of problem, a
 * {@code title}, the {@code status} and a {@code detail} in the caller's language
 * (Italian unless {@code Accept-Language} asks for English). Written here for what the
 * security filters refuse (no key, read-only key, too many requests) and made here for
 * the controllers' advice ({@link ApiErrorsAdvice}), so both look the same. Not a bean:
 * each of them makes its own, so that a web slice test with the advice needs nothing
 * more.
 */
class ApiProblems implements AuthenticationEntryPoint {

	/** Where the kinds of problem are named: {@code <base><kind>}. */
	static final String TYPE_BASE = "https://rivendo.it/api/problems/";

	/** The realm a 401 names in {@code WWW-Authenticate}. */
	static final String REALM = "rivendo-api";

	private final MessageSource messages;

	private final JsonMapper json;

	ApiProblems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/**
	 * A problem of the given kind; its title and detail are the messages
	 * {@code api.problem.<kind>.title} and {@code api.problem.<kind>} (with the
	 * arguments).
	 */
	ProblemDetail problem(HttpServletRequest request, HttpStatus status, String kind, Object... arguments) {
		Locale locale = localeOf(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_BASE + kind));
		problem.setTitle(messages.getMessage("api.problem." + kind + ".title", null, locale));
		problem.setDetail(messages.getMessage("api.problem." + kind, arguments, locale));
		return problem;
	}

	/** A message in the caller's language. */
	String message(HttpServletRequest request, String key, Object... arguments) {
		return messages.getMessage(key, arguments, localeOf(request));
	}

	/** A refusal's or validation's message (its key and arguments as the pages use). */
	String message(HttpServletRequest request, org.springframework.context.MessageSourceResolvable resolvable) {
		return messages.getMessage(resolvable, localeOf(request));
	}

	/** Writes a problem from outside Spring MVC (a security filter). */
	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		json.writeValue(response.getOutputStream(), body);
	}

	/** No key, or a key that opens nothing (unknown, revoked, malformed): 401. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"" + REALM + "\"" + (presented ? ", error=\"invalid_token\"" : ""));
		write(response, problem(request, HttpStatus.UNAUTHORIZED, presented ? "invalid-key" : "no-key"));
	}

	/** A read-only key asked to write: 403. */
	void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(response, problem(request, HttpStatus.FORBIDDEN, "read-only-key"));
	}

	/** Field errors, as {@code errors: [{field, message}]}. */
	static void fieldErrors(ProblemDetail problem, List<FieldProblem> errors) {
		problem.setProperty("errors", errors);
	}

	/** One wrong field of a request: its JSON path ({@code billing.vat_number}). */
	record FieldProblem(String field, String message) {
	}

	/** Italian unless the caller prefers English. */
	static Locale localeOf(HttpServletRequest request) {
		String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (accepted != null) {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(safe(accepted))) {
				String language = range.getRange().split("-")[0];
				if ("en".equalsIgnoreCase(language)) {
					return Locale.ENGLISH;
				}
				if ("it".equalsIgnoreCase(language)) {
					return Locale.ITALIAN;
				}
			}
		}
		return Locale.ITALIAN;
	}

	private static String safe(String accepted) {
		try {
			Locale.LanguageRange.parse(accepted);
			return accepted;
		}
		catch (IllegalArgumentException ex) {
			return "it";
		}
	}

}
