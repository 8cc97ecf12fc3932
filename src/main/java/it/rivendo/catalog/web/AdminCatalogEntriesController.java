package it.rivendo.catalog.web;

import it.rivendo.catalog.CatalogConflictException;
import it.rivendo.catalog.CatalogManagement;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.LocalizedText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
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
 * Staff create and edit product families and discount tiers (code, names, order; a tier's
 * percentage).
 */
@Controller
class AdminCatalogEntriesController {

	private final CatalogManagement catalog;

	AdminCatalogEntriesController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/admin/catalog/families/new")
	String newFamily(Model model) {
		return page(Kind.FAMILY, null, new EntryForm(), model);
	}

	@GetMapping("/admin/catalog/families/{id}")
	String family(@PathVariable long id, Model model) {
		return page(Kind.FAMILY, id, EntryForm.of(catalog.family(id)), model);
	}

	@PostMapping("/admin/catalog/families")
	String createFamily(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("entryForm") EntryForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return save(Kind.FAMILY, user, null, form, binding, model, response, redirect);
	}

	@PostMapping("/admin/catalog/families/{id}")
	String updateFamily(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("entryForm") EntryForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		catalog.family(id);
		return save(Kind.FAMILY, user, id, form, binding, model, response, redirect);
	}

	@GetMapping("/admin/catalog/tiers/new")
	String newTier(Model model) {
		return page(Kind.TIER, null, new EntryForm(), model);
	}

	@GetMapping("/admin/catalog/tiers/{id}")
	String tier(@PathVariable long id, Model model) {
		return page(Kind.TIER, id, EntryForm.of(catalog.tier(id)), model);
	}

	@PostMapping("/admin/catalog/tiers")
	String createTier(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("entryForm") EntryForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return save(Kind.TIER, user, null, form, binding, model, response, redirect);
	}

	@PostMapping("/admin/catalog/tiers/{id}")
	String updateTier(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("entryForm") EntryForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		catalog.tier(id);
		return save(Kind.TIER, user, id, form, binding, model, response, redirect);
	}

	private String save(Kind kind, ShopUser user, Long id, EntryForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		BigDecimal percent = kind == Kind.TIER ? form.getPercent() : null;
		if (kind == Kind.TIER && percent == null && !binding.hasFieldErrors("percent")) {
			binding.rejectValue("percent", "validation.required");
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(kind, id, form, model);
		}
		LocalizedText name = new LocalizedText(form.getNameIt().strip(), form.getNameEn().strip());
		int sortOrder = Integer.parseInt(form.getSortOrder());
		try {
			if (kind == Kind.TIER) {
				catalog.saveTier(id, form.getCode(), name, percent, sortOrder, user.email());
			}
			else {
				catalog.saveFamily(id, form.getCode(), name, sortOrder, user.email());
			}
		}
		catch (CatalogConflictException ex) {
			binding.rejectValue(ex.field(), ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(kind, id, form, model);
		}
		redirect.addFlashAttribute("success", "admin.catalog.saved");
		return "redirect:/admin/catalog";
	}

	private static String page(Kind kind, Long id, EntryForm form, Model model) {
		if (!model.containsAttribute("entryForm")) {
			model.addAttribute("entryForm", form);
		}
		model.addAttribute("kind", kind);
		model.addAttribute("action", kind.path + (id == null ? "" : "/" + id));
		model.addAttribute("editing", id != null);
		return "catalog/admin-entry";
	}

	enum Kind {

		FAMILY("/admin/catalog/families"), TIER("/admin/catalog/tiers");

		private final String path;

		Kind(String path) {
			this.path = path;
		}

		public boolean isTier() {
			return this == TIER;
		}

	}

}
