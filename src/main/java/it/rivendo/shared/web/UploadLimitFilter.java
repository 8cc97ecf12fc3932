package it.rivendo.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload bigger than the multipart limit ({@code spring.servlet.multipart}) goes back
 * to the page it was sent from, with {@code ?upload-too-big} for the page to say so next
 * to its file field, instead of the server's bare 413 (the container refuses it when the
 * first filter reads a parameter). The body is read and dropped first, up to
 * {@link #DRAINED} times the limit, so that the browser sees the answer rather than a
 * connection reset.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 90)
public class UploadLimitFilter extends OncePerRequestFilter {

	public static final String TOO_BIG = "upload-too-big";

	static final int DRAINED = 10;

	private final long limit;

	/** Without multipart support (a slice test) there is no limit to enforce. */
	UploadLimitFilter(ObjectProvider<MultipartProperties> multipart) {
		MultipartProperties properties = multipart.getIfAvailable();
		this.limit = properties == null ? -1 : properties.getMaxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		long length = request.getContentLengthLong();
		if (limit < 0 || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || length <= limit) {
			chain.doFilter(request, response);
			return;
		}
		if (length <= limit * DRAINED) {
			try (InputStream body = request.getInputStream()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
		}
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + request.getServletPath() + "?" + TOO_BIG);
	}

}
