package it.rivendo.api.web;

import it.rivendo.api.ApiKeys;
import it.rivendo.api.ApiScope;
import it.rivendo.api.NewApiKey;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "API" page of the customer area: the Titolare's keys (prefix, scope, created, last
 * used), a new key, revoke.
 * <p>
 * A new key is shown in the answer to its POST, not after a redirect: a flash attribute
 * would put the secret into the session, which lives in the database. The answer is not
 * cached ({@code no-store}); reloading it asks to send the form again, which makes
 * another key.
 */
@Controller
class ApiKeysController {

	static final String PAGE = "/account/api";

	private final ApiKeys keys;

	ApiKeysController(ApiKeys keys) {
		this.keys = keys;
	}

	@ModelAttribute("scopes")
	ApiScope[] scopes() {
		return ApiScope.values();
	}

	@GetMapping(PAGE)
	String page(@AuthenticationPrincipal ShopUser user, Model model) {
		if (!model.containsAttribute("apiKeyForm")) {
			ApiKeyForm form = new ApiKeyForm();
			form.setScope(ApiScope.READ);
			model.addAttribute("apiKeyForm", form);
		}
		model.addAttribute("keys", keys.list(user.resellerId()));
		return "api/keys";
	}

	@PostMapping(PAGE + "/keys")
	String create(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("apiKeyForm") ApiKeyForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
		NewApiKey created = keys.create(user.resellerId(), form.getName(), form.getScope(), user.email());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("created", created);
		ApiKeyForm next = new ApiKeyForm();
		next.setScope(ApiScope.READ);
		model.addAttribute("apiKeyForm", next);
		return page(user, model);
	}

	@PostMapping(PAGE + "/keys/{id}/revoke")
	@OnRefusal(PAGE)
	String revoke(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		keys.revoke(user.resellerId(), id, user.email());
		redirect.addFlashAttribute("success", "api.key.revoked");
		return "redirect:" + PAGE;
	}

}
