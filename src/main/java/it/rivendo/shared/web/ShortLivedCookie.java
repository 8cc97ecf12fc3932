package it.rivendo.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * A small value carried by the browser in place of a session, for one path of the shop:
 * HttpOnly, SameSite=Lax, Secure over HTTPS, gone after its lifetime (zero removes it).
 * The login form's e-mail after a failed login, the end customer's activation link.
 */
public final class ShortLivedCookie {

	private ShortLivedCookie() {
	}

	/** Sets the cookie for {@code path} (below the context path). */
	public static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
			String path, Duration lifetime) {
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(name, value)
					.path(request.getContextPath() + path)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.maxAge(lifetime)
					.build()
					.toString());
	}

}
