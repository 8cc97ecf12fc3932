package it.rivendo.bulk.web;

import it.rivendo.bulk.BulkApprovals;
import it.rivendo.bulk.BulkColumn;
import it.rivendo.bulk.BulkFiles;
import it.rivendo.bulk.BulkOrders;
import it.rivendo.bulk.BulkPreview;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.web.OnRefusal;
import it.rivendo.shared.web.UploadLimitFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Ordine multiplo": the upload page with its sample file and instructions, the preview
 * of an upload (fixed by uploading again), its confirmation, and the result with its
 * report.
 */
@Controller
class BulkController {

	private static final int RECENT = 10;

	private final BulkOrders bulk;

	private final BulkFiles files;

	private final OrderApprovals approvals;

	private final BulkApprovals bulkApprovals;

	private final Team team;

	BulkController(BulkOrders bulk, BulkFiles files, OrderApprovals approvals, BulkApprovals bulkApprovals, Team team) {
		this.bulk = bulk;
		this.files = files;
		this.approvals = approvals;
		this.bulkApprovals = bulkApprovals;
		this.team = team;
	}

	@GetMapping("/account/bulk")
	String start(@AuthenticationPrincipal ShopUser user,
			@RequestParam(name = UploadLimitFilter.TOO_BIG, required = false) String tooBig, Model model,
			HttpServletResponse response) {
		UploadForm form = new UploadForm();
		model.addAttribute("uploadForm", form);
		if (tooBig != null) {
			// sent back by UploadLimitFilter: the file was far above the limit
			BindingResult binding = new BeanPropertyBindingResult(form, "uploadForm");
			binding.rejectValue("file", "bulk.file.tooBig", new Object[] { BulkOrders.MAX_BYTES / 1_000_000 }, null);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "uploadForm", binding);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return startPage(user, model);
	}

	@PostMapping("/account/bulk")
	String upload(@AuthenticationPrincipal ShopUser user, @ModelAttribute("uploadForm") UploadForm form,
			BindingResult binding, Model model, HttpServletResponse response) throws IOException {
		MultipartFile file = form.getFile();
		if (file == null || file.isEmpty()) {
			binding.rejectValue("file", "bulk.file.required");
		}
		else if (file.getSize() > BulkOrders.MAX_BYTES) {
			binding.rejectValue("file", "bulk.file.tooBig", new Object[] { BulkOrders.MAX_BYTES / 1_000_000 }, null);
		}
		else {
			try {
				long id = bulk.upload(user.resellerId(), user.isReseller() ? user.userId() : null,
						file.getOriginalFilename(), file.getBytes());
				return "redirect:/account/bulk/" + id;
			}
			catch (Refusal refusal) {
				binding.rejectValue("file", refusal.messageKey(), refusal.arguments(), null);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return startPage(user, model);
	}

	@GetMapping("/account/bulk/{id}")
	String preview(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		// an Operatore who sees only its own services sees only its own uploads
		bulk.requireVisible(user.resellerId(), team.servicesOnlyOf(user), id);
		BulkPreview preview = bulk.preview(user.resellerId(), id);
		model.addAttribute("preview", preview);
		model.addAttribute("columns", BulkColumn.values());
		if (preview.confirmed()) {
			return "bulk/result";
		}
		ConfirmForm confirm = new ConfirmForm();
		confirm.setToken(preview.token());
		confirm.setExpectedTotal(preview.total().toString());
		model.addAttribute("confirmForm", confirm);
		// an Operatore's bulk order above the Titolare's threshold is sent for approval
		model.addAttribute("needsApproval", approvals.required(user, preview.total()));
		model.addAttribute("approvalThreshold", approvals.threshold(user));
		// sent for approval already: it waits on Approvazioni, not confirmed from here
		model.addAttribute("pendingRequest", approvals.pendingBulkRequest(user.resellerId(), id).orElse(null));
		model.addAttribute("uploadForm", new UploadForm());
		return "bulk/preview";
	}

	@PostMapping("/account/bulk/{id}/confirm")
	@OnRefusal("/account/bulk/{id}")
	String confirm(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@ModelAttribute("confirmForm") ConfirmForm form, RedirectAttributes redirect) {
		bulk.requireVisible(user.resellerId(), team.servicesOnlyOf(user), id);
		// the total the reseller saw, from a hidden field: not an amount is not the total
		// shown
		Money expected = Money.parse(form.getExpectedTotal())
			.orElseThrow(() -> new Refusal("bulk.confirm.totalChanged"));
		String token = form.getToken() == null ? "" : form.getToken();
		if (approvals.required(user, expected)) {
			// an Operatore's orders above the Titolare's threshold wait for its approval:
			// nothing is paid now
			bulkApprovals.send(user, id, token, expected);
			redirect.addFlashAttribute("success", "approval.requested");
			return "redirect:/account/approvals";
		}
		bulkApprovals.confirm(user, id, token, expected);
		redirect.addFlashAttribute("success", "bulk.confirm.done");
		return "redirect:/account/bulk/" + id;
	}

	@GetMapping("/account/bulk/{id}/report.csv")
	void report(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Locale locale,
			HttpServletResponse response) throws IOException {
		bulk.requireVisible(user.resellerId(), team.servicesOnlyOf(user), id);
		BulkPreview preview = bulk.preview(user.resellerId(), id);
		attachment(response, "rivendo-ordine-multiplo-" + id + ".csv");
		files.writeReport(preview, locale, response.getOutputStream());
	}

	@GetMapping("/account/bulk/sample.csv")
	void sample(@AuthenticationPrincipal ShopUser user, HttpServletResponse response) throws IOException {
		attachment(response, "rivendo-ordine-multiplo-esempio.csv");
		files.writeSample(user.resellerId(), response.getOutputStream());
	}

	@GetMapping("/account/bulk/instructions.txt")
	ResponseEntity<byte[]> instructions(Locale locale) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rivendo-ordine-multiplo-istruzioni.txt\"")
			.body(files.instructions(locale).getBytes(StandardCharsets.UTF_8));
	}

	private String startPage(ShopUser user, Model model) {
		model.addAttribute("columns", BulkColumn.values());
		model.addAttribute("recent", bulk.recent(user.resellerId(), team.servicesOnlyOf(user), RECENT));
		model.addAttribute("maxRows", BulkOrders.MAX_ROWS);
		return "bulk/start";
	}

	private static void attachment(HttpServletResponse response, String name) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
