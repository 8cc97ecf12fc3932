package it.rivendo.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session rules beyond the idle timeout: a session lives at most 12 hours however busy it
 * is. (When a user logs out or changes password every session of theirs ends, on every
 * device and instance: {@code UserSessions}.)
 */
public final class SessionRules {

	public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

	private SessionRules() {
	}

	/** Logs out a session older than 12 hours. */
	static class AbsoluteTimeoutFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session != null
					&& System.currentTimeMillis() - session.getCreationTime() > ABSOLUTE_TIMEOUT.toMillis()) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
