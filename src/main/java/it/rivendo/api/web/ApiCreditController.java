package it.rivendo.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import it.rivendo.api.ApiCaller;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.LedgerEntry;
import it.rivendo.shared.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A reseller's credit: {@code GET /api/v1/balance} and {@code /ledger}. */
@Tag(name = "credit", description = "Your prepaid credit and its movements.")
@RestController
@RequestMapping("/api/v1")
class ApiCreditController implements ApiEndpoint {

	private final CreditLedger credit;

	ApiCreditController(CreditLedger credit) {
		this.credit = credit;
	}

	@Operation(operationId = "getBalance", summary = "Your credit now")
	@GetMapping("/balance")
	ApiJson.Balance balance(@AuthenticationPrincipal ApiCaller caller) {
		return ApiJson.Balance.of(credit.balanceOf(caller.resellerId()));
	}

	/**
	 * The credit's movements newest first, optionally between two days (Italian time,
	 * both included), a slice at a time.
	 */
	@Operation(operationId = "listLedger", summary = "The credit's movements, newest first",
			description = "Top-ups, payments and refunds, optionally between two days (Italian time, both included), a slice at a time.")
	@GetMapping("/ledger")
	ApiJson.Slice<ApiJson.Entry> ledger(@AuthenticationPrincipal ApiCaller caller,
			@Parameter(description = "First day, e.g. 2026-11-01.") @RequestParam(required = false) @DateTimeFormat(
					iso = ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "Last day, e.g. 2026-11-30.") @RequestParam(required = false) @DateTimeFormat(
					iso = ISO.DATE) @Nullable LocalDate to,
			@Parameter(description = ApiDocs.CURSOR) @RequestParam(required = false) @Nullable String cursor,
			@Parameter(description = ApiDocs.LIMIT) @RequestParam(required = false) @Nullable Integer limit) {
		int size = ApiCursor.limit(limit);
		Instant start = from == null ? null : from.atStartOfDay(Formats.SHOP_ZONE).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(Formats.SHOP_ZONE).toInstant();
		List<LedgerEntry> rows = credit.entriesBefore(caller.resellerId(), start, end, ApiCursor.decode(cursor),
				size + 1);
		return ApiCursor.slice(rows, size, LedgerEntry::id, ApiJson.Entry::of);
	}

}
