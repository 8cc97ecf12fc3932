package it.rivendo.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import it.rivendo.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under {@code /api}: a 404 problem, not the shop's HTML page. Every more
 * precise mapping wins over this one.
 */
@Hidden
@RestController
class ApiFallbackController implements ApiEndpoint {

	@RequestMapping("/api/**")
	void unknown(HttpServletRequest request) {
		throw new NotFoundException(request.getRequestURI());
	}

}
