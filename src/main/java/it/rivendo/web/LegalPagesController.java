package it.rivendo.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The privacy notice and the general terms, public (no login): the end customer's
 * activation page links them, and every page's footer.
 */
@Controller
class LegalPagesController {

	@GetMapping("/privacy")
	String privacy() {
		return "legal/privacy";
	}

	@GetMapping("/terms")
	String terms() {
		return "legal/terms";
	}

}
