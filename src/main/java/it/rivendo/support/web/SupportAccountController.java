package it.rivendo.support.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.SupportDesk;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A reseller's own support requests and staff's answers; another reseller's request is
 * not found.
 */
@Controller
class SupportAccountController {

	private final SupportDesk desk;

	SupportAccountController(SupportDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/account/support")
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("requests", desk.ofReseller(user.resellerId()));
		return "support/requests";
	}

	@GetMapping("/account/support/{id}")
	String detail(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		model.addAttribute("request", desk.ofReseller(user.resellerId(), id));
		return "support/request";
	}

}
