package it.rivendo.identity.web;

import it.rivendo.shared.web.ShortLivedCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.web.util.WebUtils;

/**
 * What was typed in the e-mail field of a failed login, carried across the redirect back
 * to the form so that only the password needs typing again. It travels in a short-lived
 * cookie seen only by {@code /login}, instead of a session: a failed or refused login
 * writes no session into the database.
 */
final class LoginEmail {

	static final String COOKIE = "rivendo-login-email";

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private LoginEmail() {
	}

	static void remember(HttpServletRequest request, HttpServletResponse response, String email) {
		if (email == null || email.isBlank()) {
			return;
		}
		String typed = email.strip();
		typed = typed.length() > 254 ? typed.substring(0, 254) : typed;
		set(request, response,
				Base64.getUrlEncoder().withoutPadding().encodeToString(typed.getBytes(StandardCharsets.UTF_8)),
				LIFETIME);
	}

	/** The e-mail kept by the last failed login, read once; null when there is none. */
	static String take(HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		if (cookie == null) {
			return null;
		}
		set(request, response, "", Duration.ZERO);
		try {
			return new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) { // not one of ours
			return null;
		}
	}

	static void forget(HttpServletRequest request, HttpServletResponse response) {
		if (WebUtils.getCookie(request, COOKIE) != null) {
			set(request, response, "", Duration.ZERO);
		}
	}

	private static void set(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
		ShortLivedCookie.set(request, response, COOKIE, value, "/login", maxAge);
	}

}
