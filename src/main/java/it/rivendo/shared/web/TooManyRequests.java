package it.rivendo.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A form refused by a {@code shared.Throttle} limit: 429 with {@code Retry-After}, and
 * the page shown again with {@code tooManyUntil}, the time to try again.
 */
public final class TooManyRequests {

	private TooManyRequests() {
	}

	public static void answer(HttpServletResponse response, Model model, Clock clock, Instant until) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER,
				Long.toString(Math.max(1, Duration.between(clock.instant(), until).toSeconds())));
		model.addAttribute("tooManyUntil", until);
	}

}
