package it.rivendo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * {@code /error} is where the server forwards a failed request to show its error page.
 * Asked for directly, there is no error to show, and Spring Boot's error controller would
 * answer 500 for want of a status; it is a page that does not exist, answered with the
 * usual 404 page. The forwards themselves are not filtered.
 */
@Component
class ErrorPathFilter extends OncePerRequestFilter {

	static final String ERROR_PATH = "/error";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ERROR_PATH.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
